namespace UserTypes.Stores;

internal sealed partial class InMemoryStore
{
    public async Task<bool> AddApiKeyAsync(StoredApiKey key, int maxPerAccount, AuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerAccount, 1);
        var added = await Locked(
            key.WorkspaceId,
            tenant =>
            {
                if (!tenant.ById.TryGetValue(key.UserId, out var account) || account.Account.SecurityStamp != key.SecurityStamp)
                {
                    return false;
                }

                var live = tenant.ApiKeys.Values.Where(other => other.UserId == key.UserId && other.SecurityStamp == key.SecurityStamp && !(other.ExpiresAt <= key.CreatedAt)).ToList();
                if (live.Count >= maxPerAccount)
                {
                    return false;
                }

                // The dead ones are purged on the way, as the relational stores do (only when the key is added).
                tenant.RemoveApiKeysOf(key.UserId, except: live);

                tenant.ApiKeys.Add(key.Id, key);
                tenant.Append([audit]);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        if (added)
        {
            changes.AccountChanged(key.WorkspaceId, key.UserId);
        }

        return added;
    }

    public Task<StoredApiKey?> FindApiKeyAsync(string workspaceId, string keyId, CancellationToken cancellationToken) =>
        Locked(workspaceId, tenant => tenant.ApiKeys.GetValueOrDefault(keyId), cancellationToken);

    public Task<IReadOnlyList<StoredApiKey>> ListApiKeysAsync(
        string workspaceId, string? userId, (DateTimeOffset CreatedAt, string Id)? after, int limit, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<StoredApiKey>>(
            workspaceId,
            tenant => [.. tenant.ApiKeys.Values
                .Where(key => (userId is null || key.UserId == userId) && tenant.ById.GetValueOrDefault(key.UserId)?.Account.SecurityStamp == key.SecurityStamp)
                .Where(key => after is not { } position || key.CreatedAt > position.CreatedAt
                    || (key.CreatedAt == position.CreatedAt && string.CompareOrdinal(key.Id, position.Id) > 0))
                .OrderBy(key => key.CreatedAt).ThenBy(key => key.Id, StringComparer.Ordinal)
                .Take(limit)],
            cancellationToken);

    public async Task<bool> RemoveApiKeyAsync(string workspaceId, string userId, string keyId, AuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var removed = await Locked(
            workspaceId,
            tenant =>
            {
                if (!tenant.ApiKeys.TryGetValue(keyId, out var key) || key.UserId != userId)
                {
                    return false;
                }

                tenant.ApiKeys.Remove(keyId);
                tenant.Append([audit]);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        if (removed)
        {
            changes.AccountChanged(workspaceId, userId);
        }

        return removed;
    }
}
