using UserTypes.Sample.Contacts;
using UserTypes.Sample.DemoProvider;
using UserTypes.Sample.Federation;
using UserTypes.Sample.Hosting;

namespace UserTypes.Sample.Demo;

/// <summary>
/// Seeds <see cref="DemoWorkspace"/> on first run. Every step first looks for what it would create, so a run that
/// stopped halfway is completed by the next one; a finished run is recorded, after which the data is the user's:
/// a deleted demo contact stays deleted. The sign-in providers it trusts follow the settings at every start.
/// </summary>
internal static class DemoSeeder
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var workspaces = services.GetRequiredService<IWorkspaceDirectory>();
        var users = services.GetRequiredService<IUserDirectory>();
        var contacts = services.GetRequiredService<ContactStore>();
        var database = services.GetRequiredService<SampleDatabase>();
        await contacts.CreateTableAsync(cancellationToken);
        await database.ExecuteAsync("CREATE TABLE IF NOT EXISTS sample_seeded (workspace_id TEXT PRIMARY KEY)", cancellationToken);
        if (await database.ScalarAsync("SELECT 1 FROM sample_seeded WHERE workspace_id = $workspace", cancellationToken, ("$workspace", DemoWorkspace.Id)) is not null)
        {
            return;
        }

        if (await workspaces.FindAsync(DemoWorkspace.Id, cancellationToken) is null)
        {
            await workspaces.CreateAsync(DemoWorkspace.Id, DemoWorkspace.OwnerEmail, cancellationToken);
        }

        await workspaces.AddCollaboratorAsync(DemoWorkspace.Id, DemoWorkspace.CollaboratorEmail, CollaboratorRole.Collaborator, cancellationToken);
        await workspaces.AddCollaboratorAsync(DemoWorkspace.Id, DemoWorkspace.GuestEmail, CollaboratorRole.Guest, cancellationToken);
        await workspaces.AddSignupDomainAsync(DemoWorkspace.Id, DemoWorkspace.SignupDomain, includeSubdomains: true, cancellationToken);
        await workspaces.SetLicenseAsync(DemoWorkspace.Id, DemoWorkspace.License, cancellationToken);

        if (await users.FindByUserNameAsync(DemoWorkspace.Id, DemoWorkspace.AnonymousUserName, cancellationToken) is null)
        {
            await users.SetAnonymousUserAsync(DemoWorkspace.Id, DemoWorkspace.AnonymousUserName, DemoWorkspace.AnonymousPassword, cancellationToken);
        }

        if (await users.FindByUserNameAsync(DemoWorkspace.Id, DemoWorkspace.AdminUserName, cancellationToken) is null)
        {
            await users.CreateInternalUserAsync(
                DemoWorkspace.Id,
                DemoWorkspace.AdminUserName,
                DemoWorkspace.AdminEmail,
                DemoWorkspace.AdminPassword,
                new RightsGrant
                {
                    FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers, FunctionalRights.ManageRights },
                    DataRights = new Dictionary<string, DataRights> { [ContactStore.Entity] = DataRights.All },
                },
                cancellationToken);
        }

        var seeded = (await contacts.ListAsync(DemoWorkspace.Id, cancellationToken)).ToList();
        foreach (var (name, email) in DemoWorkspace.Contacts.Where(demo => !seeded.Any(contact => contact.Email == demo.Email)))
        {
            seeded.Add(await contacts.AddAsync(DemoWorkspace.Id, name, email, cancellationToken));
        }

        if (await users.FindByUserNameAsync(DemoWorkspace.Id, DemoWorkspace.PartnerUserName, cancellationToken) is null)
        {
            // The partner is a contact person given a login by the administrator, as an internal user would do it.
            var admin = await services.GetRequiredService<IAuthenticator>().AuthenticateAsync(
                DemoWorkspace.Id, new PasswordCredentials(DemoWorkspace.AdminUserName, DemoWorkspace.AdminPassword), ClientKind.WebApplication, cancellationToken);
            var person = seeded.First(contact => contact.Email == DemoWorkspace.PartnerEmail);
            var partner = await users.CreateExternalUserAsync(
                admin, person.PersonId, DemoWorkspace.PartnerUserName, person.Email, DemoWorkspace.PartnerPassword, cancellationToken);
            await users.GrantAsync(
                admin, partner.Id, new RightsGrant { DataRights = new Dictionary<string, DataRights> { [ContactStore.Entity] = DataRights.Edit } }, cancellationToken);
        }

        await database.ExecuteAsync("INSERT INTO sample_seeded (workspace_id) VALUES ($workspace)", cancellationToken, ("$workspace", DemoWorkspace.Id));
    }

    /// <summary>
    /// Makes the demo workspace trust exactly the sign-in providers of this start: each configured one, and the demo
    /// provider when it runs (its issuer names the port, so this runs once the server listens). An issuer trusted before
    /// that is no longer among them (a provider taken out of the settings, the demo provider on an earlier port, or off)
    /// is trusted no more. Trusting one again, or binding its domain again, changes nothing.
    /// </summary>
    public static async Task TrustSignInProvidersAsync(IServiceProvider services, SignInProviders providers, bool demoIdentityProvider, CancellationToken cancellationToken)
    {
        var wanted = providers.Configured.Values
            .Select(provider => (Issuer: provider.IssuerToTrust, provider.Kind, provider.AllowProvisioning, Domains: (IEnumerable<string>)provider.BoundDomains))
            .ToList();
        if (demoIdentityProvider)
        {
            wanted.Add((services.GetRequiredService<DemoIdentityProviderSite>().Issuer.AbsoluteUri, IssuerKind.OpenIdConnect, true, [DemoWorkspace.InternalDomain]));
        }

        var workspaces = services.GetRequiredService<IWorkspaceDirectory>();
        var trusted = (await workspaces.FindAsync(DemoWorkspace.Id, cancellationToken))?.TrustedIssuers ?? [];
        foreach (var stale in trusted.Where(issuer => !wanted.Any(want => want.Issuer == issuer.Issuer)))
        {
            await workspaces.RemoveTrustedIssuerAsync(DemoWorkspace.Id, stale.Issuer, cancellationToken);
        }

        foreach (var (issuer, kind, allowProvisioning, domains) in wanted)
        {
            await workspaces.AddTrustedIssuerAsync(DemoWorkspace.Id, issuer, kind, allowProvisioning, cancellationToken);
            foreach (var domain in domains)
            {
                await workspaces.BindIssuerDomainAsync(DemoWorkspace.Id, issuer, domain, includeSubdomains: false, cancellationToken);
            }
        }
    }
}
