namespace UserTypes.Stores;

/// <summary>
/// A signed-in session of an account, as a store keeps it: while the record is there and has not expired, a session
/// principal carrying its id may be accepted; removing it ends the session on every instance.
/// </summary>
/// <param name="WorkspaceId">The account's workspace.</param>
/// <param name="UserId">The account.</param>
/// <param name="Id">
/// The session's id: 128 random bits, base64url. Kept as it is, not hashed: it proves nothing alone, since it is only
/// ever presented inside a cookie the host's data protection keys sign and encrypt.
/// </param>
/// <param name="CreatedAt">When the session started.</param>
/// <param name="ExpiresAt">The absolute end of the session, however active it is.</param>
public sealed record StoredSession(string WorkspaceId, string UserId, string Id, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
