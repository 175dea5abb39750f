using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Federation;

/// <summary>
/// A workspace on one store kind, ready for federated sign-ins: softr.io is internal (the owner's domain), partner.example
/// is not, and it trusts a generic issuer bound to both, a partner's issuer bound to partner.example only, a Google one
/// and an Entra multi-tenant one, each provisioning.
/// </summary>
public abstract class FederationFixture(StoreKind store) : StoreFixture(store)
{
    /// <summary>A generic OpenID Connect issuer that speaks for softr.io and partner.example.</summary>
    protected const string Generic = "https://idp.example/";

    /// <summary>A partner's own provider (Okta, Auth0, Keycloak...) that speaks for partner.example only.</summary>
    protected const string Partner = "https://idp.partner.example/";

    protected const string Google = "https://accounts.google.example";

    protected const string Entra = "https://login.entra.example/{tenantid}/v2.0";

    protected const string TenantA = "9188040d-6c67-4c5b-b112-36a304b66dad";

    protected const string TenantB = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    internal TestHost Host { get; private set; } = null!;

    protected string WorkspaceId { get; private set; } = null!;

    protected IFederatedAuthenticator Federated => Host.Get<IFederatedAuthenticator>();

    [SetUp]
    public async Task SetUpWorkspaceAsync()
    {
        Host = NewHost(options => options.ExternalUsers.Enabled = true);
        WorkspaceId = await Host.CreateWorkspaceAsync("owner@softr.io", license: new WorkspaceLicense { ExternalUsers = true });
        await Host.Workspaces.AddTrustedIssuerAsync(WorkspaceId, Generic, IssuerKind.OpenIdConnect, allowProvisioning: true);
        await Host.Workspaces.BindIssuerDomainAsync(WorkspaceId, Generic, "softr.io");
        await Host.Workspaces.BindIssuerDomainAsync(WorkspaceId, Generic, "partner.example");
        await Host.Workspaces.AddTrustedIssuerAsync(WorkspaceId, Partner, IssuerKind.OpenIdConnect, allowProvisioning: true);
        await Host.Workspaces.BindIssuerDomainAsync(WorkspaceId, Partner, "partner.example");
        await Host.Workspaces.AddTrustedIssuerAsync(WorkspaceId, Google, IssuerKind.Google, allowProvisioning: true);
        await Host.Workspaces.AddTrustedIssuerAsync(WorkspaceId, Entra, IssuerKind.MicrosoftEntraMultiTenant, allowProvisioning: true);
    }

    [TearDown]
    public void DisposeHost() => Host?.Dispose();

    protected static FederatedIdentity Identity(string issuer, string subject, string? email, params (string Claim, string Value)[] claims) =>
        new(issuer, subject, email, claims.ToDictionary(claim => claim.Claim, claim => claim.Value));

    protected static FederatedIdentity Verified(string subject, string email, string issuer = Generic) => Identity(issuer, subject, email, ("email_verified", "true"));

    protected static FederatedIdentity EntraIdentity(string subject, string email, string tenant, bool domainVerified) =>
        Identity(Entra.Replace("{tenantid}", tenant, StringComparison.Ordinal), subject, email, ("tid", tenant), ("xms_edov", domainVerified ? "true" : "false"));

    protected Task<FederatedSignInResult> SignInAsync(FederatedIdentity identity, ClientKind client = ClientKind.WebApplication) =>
        Federated.SignInAsync(WorkspaceId, identity, client);

    protected async Task<AuthenticationFailureReason> RefusedAsync(FederatedIdentity identity, ClientKind client = ClientKind.WebApplication)
    {
        var call = () => SignInAsync(identity, client);
        return (await call.Should().ThrowAsync<AuthenticationFailedException>()).Which.Reason;
    }

    protected async Task<int> AccountCountAsync() =>
        (await Host.UserStore.ListAsync(WorkspaceId, new UserListFilter { Limit = 1000 }, CancellationToken.None)).Count;

    protected async Task<UserAccount> AccountAsync(string userId) =>
        (await Host.UserStore.FindByIdAsync(WorkspaceId, userId, CancellationToken.None))!.Account;

    protected Task<string?> LinkedAccountAsync(FederatedIdentity identity) =>
        Host.UserStore.FindIdentityAsync(WorkspaceId, identity.Issuer, identity.Subject, CancellationToken.None);
}
