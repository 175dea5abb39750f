namespace UserTypes.Stores;

/// <summary>
/// Keeps single-use tokens (as hashes) for the mailbox flows, and the count of mails per address that bounds them. A
/// token is used up by the account write it authorises (<see cref="IUserAccountStore.CreateAsync"/> and
/// <see cref="IUserAccountStore.UpdateAsync"/> take its id), so it is spent exactly when the change lands.
/// </summary>
public interface IAccountTokenStore
{
    /// <summary>
    /// Adds a token in one atomic step, unless <paramref name="maxPerHour"/> tokens of its purpose were already issued to
    /// its address in the workspace within the hour before <see cref="StoredToken.CreatedAt"/> (used or not): then
    /// nothing is written. The new token is the newest; of the others of the address and purpose, only the newest
    /// <paramref name="maxLive"/> - 1 stay usable. Tokens that expired more than an hour ago are purged on the way, so
    /// rows stay bounded and the hourly count stays whole whatever the lifetime.
    /// </summary>
    /// <param name="token">The new token.</param>
    /// <param name="maxLive">How many tokens of one address and purpose may be usable at once.</param>
    /// <param name="maxPerHour">How many tokens one address may be issued per hour.</param>
    /// <param name="audit">The entry that records the token (an invitation), written in the same atomic step only if it is added; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the token was added (and so may be mailed).</returns>
    Task<bool> AddTokenAsync(StoredToken token, int maxLive, int maxPerHour, AuditEntry? audit, CancellationToken cancellationToken);

    /// <summary>Reads the usable tokens of an address and purpose (expired ones included: the caller checks the time).</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="email">The canonical address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens, newest first.</returns>
    Task<IReadOnlyList<StoredToken>> FindTokensAsync(string workspaceId, TokenPurpose purpose, string email, CancellationToken cancellationToken);

    /// <summary>Reads the usable tokens issued for an account and purpose, whatever address they were mailed to.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="userId">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens, newest first.</returns>
    Task<IReadOnlyList<StoredToken>> FindTokensForAccountAsync(string workspaceId, TokenPurpose purpose, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Reads one page of a workspace's usable, unexpired tokens of a purpose, oldest first (by creation time, then id),
    /// starting after a position: keyset paging, as for accounts.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="now">Tokens expiring at or before this are left out.</param>
    /// <param name="after">The creation time and id of the previous page's last token, or <see langword="null"/>.</param>
    /// <param name="limit">The most tokens to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens, in order.</returns>
    Task<IReadOnlyList<StoredToken>> ListTokensAsync(string workspaceId, TokenPurpose purpose, DateTimeOffset now, (DateTimeOffset CreatedAt, string Id)? after, int limit, CancellationToken cancellationToken);

    /// <summary>Makes a usable token unusable (an invitation revoked).</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="tokenId">The token's id.</param>
    /// <param name="audit">The entry that records the revocation, written in the same atomic step only if a token was revoked; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether a usable token with that id was there.</returns>
    Task<bool> RevokeTokenAsync(string workspaceId, string tokenId, AuditEntry? audit, CancellationToken cancellationToken);
}
