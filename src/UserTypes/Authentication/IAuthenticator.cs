namespace UserTypes;

/// <summary>Establishes who is calling, and throws when that cannot be established.</summary>
public interface IAuthenticator
{
    /// <summary>
    /// Authenticates a user name and password, or, with <paramref name="credentials"/> <see langword="null"/>, a call
    /// without credentials as the workspace's anonymous account (when <see cref="AnonymousUserOptions.AllowImplicit"/>
    /// is on and the workspace is licensed for anonymous users).
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="credentials">The credentials, or <see langword="null"/> for a call without credentials.</param>
    /// <param name="client">Where the call comes from; external and anonymous users may not use <see cref="ClientKind.DesktopClient"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The authenticated user, with rights computed once.</returns>
    /// <exception cref="ArgumentException">The workspace id is invalid, or the credentials hold a <see langword="null"/>.</exception>
    /// <exception cref="AuthenticationFailedException">
    /// Authentication failed; the same message whatever the reason, an unknown workspace included (at the same cost as
    /// a wrong password), so a caller cannot probe which workspaces exist.
    /// </exception>
    Task<AuthenticatedUser> AuthenticateAsync(string workspaceId, PasswordCredentials? credentials, ClientKind client, CancellationToken cancellationToken = default);

    /// <summary>
    /// Authenticates a call made with an API key (<see cref="IApiKeys"/>), as <see cref="ClientKind.ServiceAgent"/>:
    /// the key's account with its rights as they are now. A call whose key and account did not change since the last one
    /// costs a dictionary lookup and one SHA-256, and allocates nothing; a revoked key, a disabled account or any other
    /// change is seen on the very next call.
    /// </summary>
    /// <param name="workspaceId">The workspace the call is made to; a key of another workspace is refused.</param>
    /// <param name="apiKey">The key as the caller sent it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The authenticated user, whose <see cref="AuthenticatedUser.ApiKeyId"/> names the key.</returns>
    /// <exception cref="ArgumentException">The workspace id is invalid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="apiKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="AuthenticationFailedException">
    /// The key is malformed, unknown, of another workspace, expired or revoked, or its account may not log in as a
    /// service agent; the same message whatever the reason.
    /// </exception>
    ValueTask<AuthenticatedUser> AuthenticateApiKeyAsync(string workspaceId, string apiKey, CancellationToken cancellationToken = default);
}
