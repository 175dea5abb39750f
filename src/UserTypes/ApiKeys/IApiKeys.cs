namespace UserTypes;

/// <summary>
/// API keys for service agents: an account creates keys for itself, lists and revokes them; an administrator lists and
/// revokes a workspace's (trusted host calls). A key acts as its account, with the account's rights as they are at each
/// call and never more, as <see cref="ClientKind.ServiceAgent"/> only; it is checked by
/// <see cref="IAuthenticator.AuthenticateApiKeyAsync"/>. Revoking it, disabling or deleting its account, or any change
/// that would refuse the account a login, takes effect on the very next call. A key lives no longer than the sessions
/// of its account would: whatever moves the account's <see cref="UserAccount.SecurityStamp"/> (a new password, a reset,
/// signing out everywhere, a disabled account, a revoked right, a new user type) kills every key made before it.
/// </summary>
public interface IApiKeys
{
    /// <summary>Creates a key for the user's own account. The key is in the result, and nowhere else ever again.</summary>
    /// <param name="user">The account's user, as authenticated by a password or a session (never by a key).</param>
    /// <param name="name">A name to tell the key apart: 1 to 100 characters, no control characters.</param>
    /// <param name="expiresAt">When the key stops being accepted (in the future), or <see langword="null"/> for never.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key and its description.</returns>
    /// <exception cref="ArgumentException">The name or expiry is not valid, or the user is the implicit anonymous one.</exception>
    /// <exception cref="AccessDeniedException">
    /// The user authenticated with a key, is the anonymous account, or already holds <see cref="ApiKeyOptions.MaxPerAccount"/> keys.
    /// </exception>
    /// <exception cref="AuthenticationFailedException">The account has changed since the user authenticated, or may not log in as a service agent.</exception>
    Task<CreatedApiKey> CreateAsync(AuthenticatedUser user, string name, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the keys of the user's own account, oldest first.</summary>
    /// <param name="user">The account's user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys, expired ones included until they are purged.</returns>
    Task<IReadOnlyList<ApiKey>> ListAsync(AuthenticatedUser user, CancellationToken cancellationToken = default);

    /// <summary>Revokes a key of the user's own account: the very next call with it fails.</summary>
    /// <param name="user">The account's user.</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when revoked.</returns>
    /// <exception cref="ArgumentException">The account has no key with that id.</exception>
    Task RevokeAsync(AuthenticatedUser user, string keyId, CancellationToken cancellationToken = default);

    /// <summary>Lists a workspace's keys, every account's, oldest first, a page at a time: a trusted host call, such as an administrator's.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="query">The page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page.</returns>
    /// <exception cref="ArgumentException">The workspace id or the query is not valid.</exception>
    /// <exception cref="WorkspaceNotFoundException">There is no such workspace.</exception>
    Task<ApiKeyPage> ListWorkspaceKeysAsync(string workspaceId, ApiKeyQuery query, CancellationToken cancellationToken = default);

    /// <summary>Revokes any key of a workspace: a trusted host call, such as an administrator's.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when revoked.</returns>
    /// <exception cref="ArgumentException">The workspace has no key with that id.</exception>
    /// <exception cref="WorkspaceNotFoundException">There is no such workspace.</exception>
    Task RevokeWorkspaceKeyAsync(string workspaceId, string keyId, CancellationToken cancellationToken = default);
}
