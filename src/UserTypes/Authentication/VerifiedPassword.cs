namespace UserTypes;

/// <summary>A service agent's password that BCrypt verified, as <see cref="VerifiedPasswordCache"/> remembers it.</summary>
/// <param name="UserId">The account.</param>
/// <param name="Mac">The HMAC-SHA256 of the password under the process's key.</param>
/// <param name="Generation">The account's generation, read before the account was read back.</param>
/// <param name="WorkspaceVersion">The workspace version the login was judged with.</param>
/// <param name="ValidUntil">When it is forgotten whatever happens.</param>
/// <param name="User">The user the login made.</param>
internal sealed record VerifiedPassword(string UserId, byte[] Mac, long Generation, long WorkspaceVersion, DateTimeOffset ValidUntil, AuthenticatedUser User);
