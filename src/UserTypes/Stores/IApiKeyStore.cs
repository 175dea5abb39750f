namespace UserTypes.Stores;

/// <summary>
/// Keeps the API keys of accounts (as hashes). Adding or removing a key is signalled as a change of its account
/// (<see cref="StoreChangeSignal.AccountChanged"/>), here and in other processes, so that a revoked key is refused on
/// the very next call on every instance. An account's keys go with the account when it is deleted.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>
    /// Adds a key in one atomic step, with <paramref name="audit"/>, unless its account is not in the workspace, has
    /// another <see cref="UserAccount.SecurityStamp"/> than <see cref="StoredApiKey.SecurityStamp"/>, or already has
    /// <paramref name="maxPerAccount"/> live keys (unexpired at <see cref="StoredApiKey.CreatedAt"/>, made under the
    /// account's stamp): then nothing is written. The account's dead keys are purged on the way. Signals the account
    /// changed.
    /// </summary>
    /// <param name="key">The new key.</param>
    /// <param name="maxPerAccount">How many unexpired keys one account may have, at least 1.</param>
    /// <param name="audit">The entry that records the key, written in the same atomic step only if it is added.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the key was added.</returns>
    Task<bool> AddApiKeyAsync(StoredApiKey key, int maxPerAccount, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Reads one key by its id (expired, or made under an old stamp, or not: the caller checks).</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key, or <see langword="null"/> when the workspace has no key with that id.</returns>
    Task<StoredApiKey?> FindApiKeyAsync(string workspaceId, string keyId, CancellationToken cancellationToken);

    /// <summary>
    /// Reads one page of a workspace's keys, or one account's, oldest first (by creation time, then id), starting after
    /// a position: keyset paging, as for accounts. Keys made under another stamp than their account's are dead and left
    /// out; expired ones are listed until they are purged.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account whose keys to read, or <see langword="null"/> for every account's.</param>
    /// <param name="after">The creation time and id of the previous page's last key, or <see langword="null"/>.</param>
    /// <param name="limit">The most keys to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys, in order.</returns>
    Task<IReadOnlyList<StoredApiKey>> ListApiKeysAsync(string workspaceId, string? userId, (DateTimeOffset CreatedAt, string Id)? after, int limit, CancellationToken cancellationToken);

    /// <summary>Removes one key of an account (a revocation) with <paramref name="audit"/>, and signals the account changed if it was there.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account the key must belong to.</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="audit">The entry that records the revocation, written in the same atomic step only if a key was removed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the account had the key.</returns>
    Task<bool> RemoveApiKeyAsync(string workspaceId, string userId, string keyId, AuditEntry audit, CancellationToken cancellationToken);
}
