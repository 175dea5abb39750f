namespace UserTypes;

/// <summary>
/// Creates workspaces and changes what decides their users' types: collaborators, signup domains and the licence.
/// Every change is atomic and is seen by the very next classification on every thread of this process.
/// </summary>
public interface IWorkspaceDirectory
{
    /// <summary>Creates a workspace with its first owner.</summary>
    /// <param name="workspaceId">The new workspace's id: 1 to 128 characters, no control characters.</param>
    /// <param name="ownerEmail">The owner's e-mail address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the workspace exists.</returns>
    /// <exception cref="ArgumentException">An argument is malformed, or a workspace with that id exists.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    Task CreateAsync(string workspaceId, string ownerEmail, CancellationToken cancellationToken = default);

    /// <summary>Reads a workspace: its collaborators, signup domains and licence.</summary>
    /// <param name="workspaceId">The workspace id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workspace, or <see langword="null"/> when no workspace has that id.</returns>
    /// <exception cref="ArgumentException">The id is malformed.</exception>
    /// <exception cref="ArgumentNullException">The id is <see langword="null"/>.</exception>
    Task<Workspace?> FindAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Adds a collaborator, or changes the role of one already there.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="email">The collaborator's e-mail address.</param>
    /// <param name="role">Owner and Collaborator make their domain internal; Guest never does.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is stored and published.</returns>
    /// <exception cref="ArgumentException">An argument is malformed.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not a defined role.</exception>
    /// <exception cref="LastOwnerException">The change would leave the workspace without an owner.</exception>
    /// <exception cref="WorkspaceNotFoundException">No workspace has that id.</exception>
    Task AddCollaboratorAsync(string workspaceId, string email, CollaboratorRole role, CancellationToken cancellationToken = default);

    /// <summary>Removes a collaborator. Removing someone who is not a collaborator changes nothing.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="email">The collaborator's e-mail address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is stored and published.</returns>
    /// <exception cref="ArgumentException">An argument is malformed.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="LastOwnerException">The collaborator is the workspace's last owner.</exception>
    /// <exception cref="WorkspaceNotFoundException">No workspace has that id.</exception>
    Task RemoveCollaboratorAsync(string workspaceId, string email, CancellationToken cancellationToken = default);

    /// <summary>Whitelists a domain for domain-based sign-up: its users are internal. Adding it again replaces its setting.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="domain">The domain, such as <c>yzx.com</c>; international domains are accepted.</param>
    /// <param name="includeSubdomains">Whether addresses under its subdomains (<c>hr.yzx.com</c>) match too.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is stored and published.</returns>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is malformed or a public mail provider, or the id is malformed.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="WorkspaceNotFoundException">No workspace has that id.</exception>
    Task AddSignupDomainAsync(string workspaceId, string domain, bool includeSubdomains = false, CancellationToken cancellationToken = default);

    /// <summary>Removes a signup domain. Removing one that is not there changes nothing.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="domain">The domain.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is stored and published.</returns>
    /// <exception cref="ArgumentException">An argument is malformed.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="WorkspaceNotFoundException">No workspace has that id.</exception>
    Task RemoveSignupDomainAsync(string workspaceId, string domain, CancellationToken cancellationToken = default);

    /// <summary>Replaces the workspace's licence.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="license">The new licence; seat limits must not be negative.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is stored and published.</returns>
    /// <exception cref="ArgumentException">A seat limit is negative, or the id is malformed.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="WorkspaceNotFoundException">No workspace has that id.</exception>
    Task SetLicenseAsync(string workspaceId, WorkspaceLicense license, CancellationToken cancellationToken = default);

    /// <summary>
    /// Trusts an OpenID Connect issuer: its identities may sign in (<see cref="IFederatedAuthenticator"/>). Adding it
    /// again replaces its kind and provisioning setting and keeps its bound domains.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="issuer">
    /// The issuer exactly as its tokens' <c>iss</c> claim writes it: an https URL, compared character for character. For
    /// <see cref="IssuerKind.MicrosoftEntraMultiTenant"/> it may hold <c>{tenantid}</c>, as in
    /// <c>https://login.microsoftonline.com/{tenantid}/v2.0</c>.
    /// </param>
    /// <param name="kind">The rule that decides when its word on an address is trusted.</param>
    /// <param name="allowProvisioning">Whether a new identity gets an account at its first sign-in.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is stored and published.</returns>
    /// <exception cref="ArgumentException">An argument is malformed, or <c>{tenantid}</c> is used by another kind.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    /// <exception cref="WorkspaceNotFoundException">No workspace has that id.</exception>
    Task AddTrustedIssuerAsync(string workspaceId, string issuer, IssuerKind kind, bool allowProvisioning, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lets a trusted <see cref="IssuerKind.OpenIdConnect"/> issuer speak for a domain: its verified addresses there
    /// are classified by the workspace's rule (<see cref="AddressTrust.DomainAuthority"/>). Binding it again replaces
    /// its subdomain setting.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="issuer">The trusted issuer.</param>
    /// <param name="domain">The domain, such as <c>xyz.com</c>; international domains are accepted.</param>
    /// <param name="includeSubdomains">Whether addresses under its subdomains count too.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is stored and published.</returns>
    /// <exception cref="ArgumentException">
    /// An argument is malformed, the workspace does not trust the issuer, or the issuer is a Google or Entra one, whose
    /// tokens name their domain themselves.
    /// </exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="WorkspaceNotFoundException">No workspace has that id.</exception>
    Task BindIssuerDomainAsync(string workspaceId, string issuer, string domain, bool includeSubdomains = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops trusting an issuer, with its bound domains: its identities are refused from the next sign-in on. Their
    /// links stay, so trusting it again restores them. Removing one that is not trusted changes nothing.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="issuer">The issuer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is stored and published.</returns>
    /// <exception cref="ArgumentException">An argument is malformed.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="WorkspaceNotFoundException">No workspace has that id.</exception>
    Task RemoveTrustedIssuerAsync(string workspaceId, string issuer, CancellationToken cancellationToken = default);
}
