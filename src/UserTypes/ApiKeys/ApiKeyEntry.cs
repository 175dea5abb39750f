namespace UserTypes;

/// <summary>A key as calls with it see it, read at one generation of its account (<see cref="AccountGenerations"/>).</summary>
/// <param name="WorkspaceId">The key's workspace.</param>
/// <param name="UserId">The key's account.</param>
/// <param name="Hash">The SHA-256 of the key.</param>
/// <param name="ExpiresAt">When the key stops being accepted, or <see langword="null"/>.</param>
/// <param name="Generation">The account's generation, read before the key and the account were.</param>
/// <param name="WorkspaceVersion">The workspace version it was judged with.</param>
/// <param name="ValidUntil">When the entry must be read again whatever happens.</param>
/// <param name="User">The user a call with the key is, or <see langword="null"/> when its account may not log in as a service agent.</param>
/// <param name="Refusal">Why not, when <paramref name="User"/> is <see langword="null"/>.</param>
internal sealed record ApiKeyEntry(
    string WorkspaceId,
    string UserId,
    byte[] Hash,
    DateTimeOffset? ExpiresAt,
    long Generation,
    long WorkspaceVersion,
    DateTimeOffset ValidUntil,
    AuthenticatedUser? User,
    AuthenticationFailureReason Refusal);
