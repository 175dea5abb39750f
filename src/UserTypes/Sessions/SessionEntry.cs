namespace UserTypes;

/// <summary>An account as its sessions see it, read at one generation of <see cref="SessionCache"/>.</summary>
/// <param name="Generation">The cache generation read before the account was.</param>
/// <param name="User">The user a session of the account is now, or <see langword="null"/> when the account may not sign in (gone, disabled, not licensed).</param>
/// <param name="Refusal">Why the account may not sign in, when <paramref name="User"/> is <see langword="null"/>.</param>
/// <param name="AccountVersion">The account's version.</param>
/// <param name="Sessions">The account's session records: id to absolute end.</param>
/// <param name="ValidUntil">When the entry must be read again whatever happens: the workspace licence's expiry, if any.</param>
internal sealed record SessionEntry(
    long Generation,
    AuthenticatedUser? User,
    AuthenticationFailureReason Refusal,
    long AccountVersion,
    IReadOnlyDictionary<string, DateTimeOffset> Sessions,
    DateTimeOffset ValidUntil);
