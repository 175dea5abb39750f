using System.Data.Common;

namespace UserTypes;

internal sealed partial class RelationalStore
{
    private const string SessionColumns = "workspace_id, user_id, id, created_at, expires_at";

    public Task AddSessionAsync(StoredSession session, int maxPerAccount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerAccount, 1);

        // Told to every instance: the oldest session may end to make room.
        return WriteAsync(
            new StoreChange(session.WorkspaceId, session.UserId),
            [],
            async (transaction, _) =>
            {
                await transaction.Command(
                    "DELETE FROM usertypes_sessions WHERE workspace_id = @workspace_id AND user_id = @user_id AND (expires_at <= @now " +
                    "OR id NOT IN (SELECT id FROM usertypes_sessions WHERE workspace_id = @workspace_id AND user_id = @user_id AND expires_at > @now " +
                    "ORDER BY created_at DESC, id DESC LIMIT @keep)); " +
                    $"INSERT INTO usertypes_sessions ({SessionColumns}) VALUES (@workspace_id, @user_id, @id, @now, @expires_at)",
                    ("workspace_id", session.WorkspaceId), ("user_id", session.UserId), ("id", session.Id), ("now", session.CreatedAt.UtcTicks),
                    ("expires_at", session.ExpiresAt.UtcTicks), ("keep", maxPerAccount - 1)).RunAsync(cancellationToken).ConfigureAwait(false);
                return (true, true);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<StoredSession>> FindSessionsAsync(string workspaceId, string userId, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StoredSession>>(
            async connection => await connection.Command(
                $"SELECT {SessionColumns} FROM usertypes_sessions WHERE workspace_id = @workspace_id AND user_id = @user_id ORDER BY created_at DESC, id DESC",
                null,
                ("workspace_id", workspaceId), ("user_id", userId)).ReadAllAsync(ReadSession, cancellationToken).ConfigureAwait(false),
            cancellationToken);

    public Task<bool> RemoveSessionAsync(string workspaceId, string userId, string sessionId, CancellationToken cancellationToken) =>
        WriteAsync(
            new StoreChange(workspaceId, userId),
            [],
            async (transaction, _) =>
            {
                var removed = await transaction.Command(
                    "DELETE FROM usertypes_sessions WHERE workspace_id = @workspace_id AND user_id = @user_id AND id = @id RETURNING id",
                    ("workspace_id", workspaceId), ("user_id", userId), ("id", sessionId)).ReadAllAsync(reader => reader.GetString(0), cancellationToken).ConfigureAwait(false);

                // Nothing removed, nothing to tell: rolled back, so no notice goes out.
                return (removed.Count == 1, removed.Count == 1);
            },
            cancellationToken);

    private static StoredSession ReadSession(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
        new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero));
}
