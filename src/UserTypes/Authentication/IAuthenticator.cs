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
}
