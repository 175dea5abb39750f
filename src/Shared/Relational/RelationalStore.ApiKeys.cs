using System.Data.Common;

namespace UserTypes;

internal sealed partial class RelationalStore
{
    private const string ApiKeyColumns = "id, workspace_id, user_id, security_stamp, name, hash, created_at, expires_at";

    // The same columns of the keys table aliased k, for the listing that joins the accounts.
    private const string ApiKeyColumnsOfK = "k.id, k.workspace_id, k.user_id, k.security_stamp, k.name, k.hash, k.created_at, k.expires_at";

    public Task<bool> AddApiKeyAsync(StoredApiKey key, int maxPerAccount, AuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerAccount, 1);

        // Under the workspace's lock, so two adds for one account cannot both see room for one more.
        return WriteAsync(
            new StoreChange(key.WorkspaceId, key.UserId),
            [audit],
            async (transaction, _) =>
            {
                // The account's dead keys (expired, or made under an old stamp) are purged on the way, rolled back with the
                // rest if there is no room.
                const string live = "security_stamp = @stamp AND (expires_at IS NULL OR expires_at > @now)";
                var counts = await transaction.Command(
                    "SELECT (SELECT COUNT(*) FROM usertypes_users WHERE workspace_id = @workspace_id AND id = @user_id AND security_stamp = @stamp), " +
                    $"(SELECT COUNT(*) FROM usertypes_api_keys WHERE workspace_id = @workspace_id AND user_id = @user_id AND {live}); " +
                    $"DELETE FROM usertypes_api_keys WHERE workspace_id = @workspace_id AND user_id = @user_id AND NOT ({live})",
                    ("workspace_id", key.WorkspaceId), ("user_id", key.UserId), ("stamp", key.SecurityStamp), ("now", key.CreatedAt.UtcTicks))
                    .ReadAllAsync(reader => (Account: reader.GetCount(0), Keys: reader.GetCount(1)), cancellationToken).ConfigureAwait(false);
                if (counts[0].Account == 0 || counts[0].Keys >= maxPerAccount)
                {
                    return (false, false);
                }

                await transaction.Command(
                    $"INSERT INTO usertypes_api_keys ({ApiKeyColumns}) VALUES (@id, @workspace_id, @user_id, @stamp, @name, @hash, @created_at, @expires_at)",
                    ("id", key.Id), ("workspace_id", key.WorkspaceId), ("user_id", key.UserId), ("stamp", key.SecurityStamp), ("name", key.Name), ("hash", key.Hash),
                    ("created_at", key.CreatedAt.UtcTicks), ("expires_at", key.ExpiresAt?.UtcTicks)).RunAsync(cancellationToken).ConfigureAwait(false);
                return (true, true);
            },
            cancellationToken);
    }

    public async Task<StoredApiKey?> FindApiKeyAsync(string workspaceId, string keyId, CancellationToken cancellationToken) =>
        (await ReadAsync<IReadOnlyList<StoredApiKey>>(
            async connection => await connection.Command(
                $"SELECT {ApiKeyColumns} FROM usertypes_api_keys WHERE id = @id AND workspace_id = @workspace_id",
                null,
                ("id", keyId), ("workspace_id", workspaceId)).ReadAllAsync(ReadApiKey, cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<StoredApiKey>> ListApiKeysAsync(
        string workspaceId, string? userId, (DateTimeOffset CreatedAt, string Id)? after, int limit, CancellationToken cancellationToken)
    {
        var ordinal = _dialect.OrdinalCollation;
        var owner = userId is null ? string.Empty : " AND k.user_id = @user_id";
        var position = after is null ? string.Empty : $" AND (k.created_at > @after_at OR (k.created_at = @after_at AND k.id {ordinal} > @after_id))";

        // Keys made under another stamp than their account's are dead: left out.
        return ReadAsync<IReadOnlyList<StoredApiKey>>(
            async connection => await connection.Command(
                $"SELECT {ApiKeyColumnsOfK} FROM usertypes_api_keys k JOIN usertypes_users u ON u.id = k.user_id AND u.security_stamp = k.security_stamp " +
                $"WHERE k.workspace_id = @workspace_id{owner}{position} ORDER BY k.created_at, k.id {ordinal} LIMIT @limit",
                null,
                ("workspace_id", workspaceId), ("user_id", userId), ("limit", limit), ("after_at", after?.CreatedAt.UtcTicks), ("after_id", after?.Id))
                .ReadAllAsync(ReadApiKey, cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    public Task<bool> RemoveApiKeyAsync(string workspaceId, string userId, string keyId, AuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return WriteAsync(
            new StoreChange(workspaceId, userId),
            [audit],
            async (transaction, _) =>
            {
                var removed = await transaction.Command(
                    "DELETE FROM usertypes_api_keys WHERE id = @id AND workspace_id = @workspace_id AND user_id = @user_id RETURNING id",
                    ("id", keyId), ("workspace_id", workspaceId), ("user_id", userId)).ReadAllAsync(reader => reader.GetString(0), cancellationToken).ConfigureAwait(false);

                // Nothing removed: rolled back, so neither the entry nor a notice goes out.
                return (removed.Count == 1, removed.Count == 1);
            },
            cancellationToken);
    }

    private static StoredApiKey ReadApiKey(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        WorkspaceId = reader.GetString(1),
        UserId = reader.GetString(2),
        SecurityStamp = reader.GetString(3),
        Name = reader.GetString(4),
        Hash = reader.GetFieldValue<byte[]>(5),
        CreatedAt = new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero),
        ExpiresAt = reader.Nullable<long>(7) is { } expiresAt ? new DateTimeOffset(expiresAt, TimeSpan.Zero) : null,
    };
}
