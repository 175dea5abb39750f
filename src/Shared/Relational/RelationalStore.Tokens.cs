using System.Data.Common;

namespace UserTypes;

internal sealed partial class RelationalStore
{
    // Expired tokens purged per issue: enough to keep pace with any issuing rate, few enough to keep the write short.
    private const int PurgeBatch = 100;

    private const string TokenColumns = "id, workspace_id, purpose, email, hash, user_id, security_stamp, payload, created_at, expires_at";

    public Task<bool> AddTokenAsync(StoredToken token, int maxLive, int maxPerHour, AuditEntry? audit, CancellationToken cancellationToken) =>
        WriteAsync(
            StoreChange.Silent(token.WorkspaceId),
            audit is null ? [] : [audit],
            async (transaction, _) =>
            {
                var hourAgo = token.CreatedAt.AddHours(-1).UtcTicks;
                await transaction.Command(
                    "DELETE FROM usertypes_tokens WHERE id IN (SELECT id FROM usertypes_tokens WHERE workspace_id = @workspace_id AND expires_at <= @now AND created_at <= @hour_ago LIMIT @batch)",
                    ("workspace_id", token.WorkspaceId), ("now", token.CreatedAt.UtcTicks), ("hour_ago", hourAgo), ("batch", PurgeBatch)).RunAsync(cancellationToken).ConfigureAwait(false);
                var issued = await transaction.Command(
                    "SELECT COUNT(*) FROM usertypes_tokens WHERE workspace_id = @workspace_id AND email = @email AND purpose = @purpose AND created_at > @hour_ago",
                    ("workspace_id", token.WorkspaceId), ("email", token.Email), ("purpose", (int)token.Purpose), ("hour_ago", hourAgo))
                    .ReadAllAsync(reader => reader.GetCount(0), cancellationToken).ConfigureAwait(false);
                if (issued[0] >= maxPerHour)
                {
                    return (false, false);
                }

                // The other usable tokens of the address and purpose past the newest maxLive - 1 made unusable, then the new
                // one, which is the newest whatever the clock says.
                await transaction.Command(
                    "UPDATE usertypes_tokens SET hash = NULL WHERE workspace_id = @workspace_id AND email = @email AND purpose = @purpose AND hash IS NOT NULL " +
                    "AND id NOT IN (SELECT id FROM usertypes_tokens WHERE workspace_id = @workspace_id AND email = @email AND purpose = @purpose AND hash IS NOT NULL " +
                    "ORDER BY created_at DESC, id DESC LIMIT @keep); " +
                    $"INSERT INTO usertypes_tokens ({TokenColumns}) VALUES (@id, @workspace_id, @purpose, @email, @hash, @user_id, @security_stamp, @payload, @created_at, @expires_at)",
                    ("id", token.Id), ("workspace_id", token.WorkspaceId), ("purpose", (int)token.Purpose), ("email", token.Email), ("hash", token.Hash),
                    ("user_id", token.UserId), ("security_stamp", token.SecurityStamp), ("payload", token.Payload), ("created_at", token.CreatedAt.UtcTicks),
                    ("expires_at", token.ExpiresAt.UtcTicks), ("keep", maxLive - 1)).RunAsync(cancellationToken).ConfigureAwait(false);
                return (true, true);
            },
            cancellationToken);

    public Task<IReadOnlyList<StoredToken>> FindTokensAsync(string workspaceId, TokenPurpose purpose, string email, CancellationToken cancellationToken) =>
        FindTokensAsync(workspaceId, purpose, "email", email, cancellationToken);

    public Task<IReadOnlyList<StoredToken>> FindTokensForAccountAsync(string workspaceId, TokenPurpose purpose, string userId, CancellationToken cancellationToken) =>
        FindTokensAsync(workspaceId, purpose, "user_id", userId, cancellationToken);

    public Task<IReadOnlyList<StoredToken>> ListTokensAsync(
        string workspaceId, TokenPurpose purpose, DateTimeOffset now, (DateTimeOffset CreatedAt, string Id)? after, int limit, CancellationToken cancellationToken)
    {
        var ordinal = _dialect.OrdinalCollation;
        var position = after is null ? string.Empty : $" AND (created_at > @after_at OR (created_at = @after_at AND id {ordinal} > @after_id))";
        return ReadAsync<IReadOnlyList<StoredToken>>(
            async connection => await connection.Command(
                $"SELECT {TokenColumns} FROM usertypes_tokens WHERE workspace_id = @workspace_id AND purpose = @purpose AND hash IS NOT NULL AND expires_at > @now{position} " +
                $"ORDER BY created_at, id {ordinal} LIMIT @limit",
                null,
                ("workspace_id", workspaceId), ("purpose", (int)purpose), ("now", now.UtcTicks), ("limit", limit),
                ("after_at", after?.CreatedAt.UtcTicks), ("after_id", after?.Id)).ReadAllAsync(ReadToken, cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    public Task<bool> RevokeTokenAsync(string workspaceId, string tokenId, AuditEntry? audit, CancellationToken cancellationToken) =>
        WriteAsync(
            StoreChange.Silent(workspaceId),
            audit is null ? [] : [audit],
            async (transaction, _) =>
            {
                var revoked = await transaction.Command(
                    "UPDATE usertypes_tokens SET hash = NULL WHERE workspace_id = @workspace_id AND id = @token_id AND hash IS NOT NULL RETURNING id",
                    ("workspace_id", workspaceId), ("token_id", tokenId)).ReadAllAsync(reader => reader.GetString(0), cancellationToken).ConfigureAwait(false);
                return (revoked.Count == 1, revoked.Count == 1);
            },
            cancellationToken);

    private Task<IReadOnlyList<StoredToken>> FindTokensAsync(string workspaceId, TokenPurpose purpose, string column, string value, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StoredToken>>(
            async connection => await connection.Command(
                $"SELECT {TokenColumns} FROM usertypes_tokens WHERE workspace_id = @workspace_id AND purpose = @purpose AND {column} = @value AND hash IS NOT NULL ORDER BY created_at DESC, id DESC",
                null,
                ("workspace_id", workspaceId), ("purpose", (int)purpose), ("value", value)).ReadAllAsync(ReadToken, cancellationToken).ConfigureAwait(false),
            cancellationToken);

    // Uses a token up inside an account write (which holds the workspace's lock): no row back means it was used already.
    private static async Task<bool> ConsumeTokenAsync(DbTransaction transaction, string? tokenId, CancellationToken cancellationToken) =>
        tokenId is null
        || (await transaction.Command("UPDATE usertypes_tokens SET hash = NULL WHERE id = @token_id AND hash IS NOT NULL RETURNING id", ("token_id", tokenId))
            .ReadAllAsync(reader => reader.GetString(0), cancellationToken).ConfigureAwait(false)).Count == 1;

    private static StoredToken ReadToken(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        WorkspaceId = reader.GetString(1),
        Purpose = (TokenPurpose)reader.GetInt32(2),
        Email = reader.GetString(3),
        Hash = reader.GetFieldValue<byte[]>(4),
        UserId = reader.NullableString(5),
        SecurityStamp = reader.NullableString(6),
        Payload = reader.NullableString(7),
        CreatedAt = new DateTimeOffset(reader.GetInt64(8), TimeSpan.Zero),
        ExpiresAt = new DateTimeOffset(reader.GetInt64(9), TimeSpan.Zero),
    };
}
