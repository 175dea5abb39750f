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
    /// Makes the demo workspace trust each configured provider, on every start: a provider added to the settings since
    /// is trusted from then on, and trusting one again, or binding its domain again, changes nothing.
    /// </summary>
    public static async Task TrustProvidersAsync(IServiceProvider services, SignInProviders providers, CancellationToken cancellationToken)
    {
        foreach (var provider in providers.Configured.Values)
        {
            await TrustAsync(services, provider.IssuerToTrust, provider.Kind, provider.AllowProvisioning, provider.BoundDomains, cancellationToken);
        }
    }

    /// <summary>
    /// Makes the demo workspace trust the demo identity provider as a generic provider that speaks for its internal
    /// domain, and provisions: once the server listens, since the issuer names its port.
    /// </summary>
    public static Task TrustDemoIdentityProviderAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        TrustAsync(
            services,
            services.GetRequiredService<DemoIdentityProviderSite>().Issuer.AbsoluteUri,
            IssuerKind.OpenIdConnect,
            allowProvisioning: true,
            [DemoWorkspace.InternalDomain],
            cancellationToken);

    private static async Task TrustAsync(IServiceProvider services, string issuer, IssuerKind kind, bool allowProvisioning, IEnumerable<string> boundDomains, CancellationToken cancellationToken)
    {
        var workspaces = services.GetRequiredService<IWorkspaceDirectory>();
        await workspaces.AddTrustedIssuerAsync(DemoWorkspace.Id, issuer, kind, allowProvisioning, cancellationToken);
        foreach (var domain in boundDomains)
        {
            await workspaces.BindIssuerDomainAsync(DemoWorkspace.Id, issuer, domain, includeSubdomains: false, cancellationToken);
        }
    }
}
