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
}
