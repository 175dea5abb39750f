namespace UserTypes;

/// <summary>An account as its sessions see it, read at one generation of <see cref="SessionCache"/>.</summary>
/// <param name="Generation">The cache generation read before the account was.</param>
/// <param name="WorkspaceVersion">The version of the workspace it was judged with, or -1 when there is no such workspace.</param>
/// <param name="ValidUntil">When the entry must be read again whatever happens: the workspace licence's expiry, or the cache's longest age.</param>
/// <param name="User">The user a session of the account is now, or <see langword="null"/> when the account may not sign in (gone, disabled, not licensed).</param>
/// <param name="Refusal">Why the account may not sign in, when <paramref name="User"/> is <see langword="null"/>.</param>
/// <param name="Fingerprint">The digest of the claims a session principal of <paramref name="User"/> carries (<see cref="ClaimsFingerprint"/>).</param>
/// <param name="Sessions">The account's session records: id to absolute end.</param>
internal sealed record SessionEntry(
    long Generation,
    long WorkspaceVersion,
    DateTimeOffset ValidUntil,
    AuthenticatedUser? User,
    AuthenticationFailureReason Refusal,
    string Fingerprint,
    IReadOnlyDictionary<string, DateTimeOffset> Sessions);
