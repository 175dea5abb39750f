using System.Data.Common;

namespace UserTypes;

internal sealed partial class RelationalStore
{
    private const string SeatCountSql =
        "SELECT user_type, COUNT(*) FROM usertypes_users WHERE workspace_id = @workspace_id AND enabled = @enabled AND user_type IN (0, 1) GROUP BY user_type";

    public Task<UserStoreResult> CreateAsync(StoredUser user, int? seatLimit, CancellationToken cancellationToken) =>
        WriteAsync(
            user.Account.WorkspaceId,
            async (transaction, _) =>
            {
                // The seat gate is counted under the workspace lock; the name is left to the unique constraint, so
                // the common case is one statement.
                if (await IsOverSeatLimitAsync(transaction, user, previous: null, seatLimit, cancellationToken).ConfigureAwait(false))
                {
                    return (UserStoreResult.SeatLimitReached, false);
                }

                return await InsertAsync(transaction, user, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<UserStoreResult> UpdateAsync(StoredUser user, long expectedVersion, int? seatLimit, CancellationToken cancellationToken) =>
        WriteAsync(
            user.Account.WorkspaceId,
            async (transaction, _) =>
            {
                var previous = await FindAsync(transaction.Connection!, transaction, "id = @id", ("id", user.Account.Id), user.Account.WorkspaceId, cancellationToken).ConfigureAwait(false);
                if (previous?.Account.Version != expectedVersion)
                {
                    return (UserStoreResult.Conflict, false);
                }

                if (await IsOverSeatLimitAsync(transaction, user, previous, seatLimit, cancellationToken).ConfigureAwait(false))
                {
                    return (UserStoreResult.SeatLimitReached, false);
                }

                return await WriteUserAsync(
                    transaction,
                    $"UPDATE usertypes_users SET {UserRow.Assignments} WHERE id = @id AND version = @expected",
                    [.. UserRow.Parameters(user), ("expected", expectedVersion)],
                    cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<UserStoreResult> SetAnonymousAsync(StoredUser user, CancellationToken cancellationToken) =>
        WriteAsync(
            user.Account.WorkspaceId,
            async (transaction, _) =>
            {
                await transaction.Command("DELETE FROM usertypes_users WHERE workspace_id = @workspace_id AND user_type = 2", ("workspace_id", user.Account.WorkspaceId))
                    .RunAsync(cancellationToken).ConfigureAwait(false);
                return await InsertAsync(transaction, user, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<StoredUser?> FindByIdAsync(string workspaceId, string userId, CancellationToken cancellationToken) =>
        ReadAsync(connection => FindAsync(connection, null, "id = @id", ("id", userId), workspaceId, cancellationToken), cancellationToken);

    public Task<StoredUser?> FindByUserNameAsync(string workspaceId, string normalizedUserName, CancellationToken cancellationToken) =>
        ReadAsync(connection => FindAsync(connection, null, "normalized_user_name = @name", ("name", normalizedUserName), workspaceId, cancellationToken), cancellationToken);

    public Task<StoredUser?> FindAnonymousAsync(string workspaceId, CancellationToken cancellationToken) =>
        ReadAsync(connection => FindAsync(connection, null, "user_type = @type", ("type", (int)UserType.Anonymous), workspaceId, cancellationToken), cancellationToken);

    public Task<SeatCounts> CountSeatsAsync(string workspaceId, CancellationToken cancellationToken) =>
        ReadAsync(connection => CountSeatsAsync(connection, null, workspaceId, cancellationToken), cancellationToken);

    public Task<ReclassificationReport?> ReclassifyAsync(string workspaceId, long workspaceVersion, Func<string, UserType> classify, CancellationToken cancellationToken) =>
        WriteAsync<ReclassificationReport?>(
            workspaceId,
            async (transaction, locked) =>
            {
                if (!locked.Exists || locked.ClassifiedVersion > workspaceVersion)
                {
                    return (null, false);
                }

                var accounts = await transaction.Command(
                    "SELECT id, email, user_type FROM usertypes_users WHERE workspace_id = @workspace_id AND user_type_source = 0 AND email IS NOT NULL",
                    ("workspace_id", workspaceId))
                    .ReadAllAsync(reader => (Id: reader.GetString(0), Email: reader.GetString(1), Type: (UserType)reader.GetInt32(2)), cancellationToken).ConfigureAwait(false);

                // Decide every account first: if classify throws, nothing has been written.
                var changes = accounts.Select(a => (a.Id, Type: classify(a.Email), Was: a.Type)).Where(a => a.Type != a.Was).ToList();
                foreach (var (id, type, _) in changes)
                {
                    await transaction.Command("UPDATE usertypes_users SET user_type = @type, version = version + 1 WHERE id = @id", ("type", (int)type), ("id", id))
                        .RunAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.Command("UPDATE usertypes_workspaces SET classified_version = @version WHERE id = @id", ("version", workspaceVersion), ("id", workspaceId))
                    .RunAsync(cancellationToken).ConfigureAwait(false);
                var seats = await CountSeatsAsync(transaction.Connection!, transaction, workspaceId, cancellationToken).ConfigureAwait(false);
                return (new ReclassificationReport
                {
                    Examined = accounts.Count,
                    BecameInternal = changes.Count(c => c.Type == UserType.Internal),
                    BecameExternal = changes.Count(c => c.Type == UserType.External),
                    InternalUsers = seats.Internal,
                    ExternalUsers = seats.External,
                }, true);
            },
            cancellationToken);

    public Task<UserAccount?> RecordFailedLoginAsync(string workspaceId, string userId, int maxFailedAttempts, DateTimeOffset lockoutEnd, CancellationToken cancellationToken) =>
        ReadAsync(
            async connection =>
            {
                // One statement: concurrent failures from any number of processes are each counted.
                var rows = await connection.Command(
                    "UPDATE usertypes_users SET " +
                    "lockout_end = CASE WHEN access_failed_count + 1 >= @max THEN @lockout_end ELSE lockout_end END, " +
                    "access_failed_count = CASE WHEN access_failed_count + 1 >= @max THEN 0 ELSE access_failed_count + 1 END, " +
                    $"version = version + 1 WHERE workspace_id = @workspace_id AND id = @id RETURNING {UserRow.Columns}",
                    null,
                    ("max", maxFailedAttempts),
                    ("lockout_end", lockoutEnd.UtcTicks),
                    ("workspace_id", workspaceId),
                    ("id", userId)).ReadAllAsync(UserRow.Read, cancellationToken).ConfigureAwait(false);
                return rows.Count == 1 ? rows[0].Account : null;
            },
            cancellationToken);

    public Task RecordSuccessfulLoginAsync(string workspaceId, string userId, string? newPasswordHash, CancellationToken cancellationToken) =>
        ReadAsync(
            connection => connection.Command(
                "UPDATE usertypes_users SET access_failed_count = 0, lockout_end = NULL, version = version + 1" +
                (newPasswordHash is null ? string.Empty : ", password_hash = @hash") +
                " WHERE workspace_id = @workspace_id AND id = @id",
                null,
                ("hash", newPasswordHash ?? string.Empty),
                ("workspace_id", workspaceId),
                ("id", userId)).RunAsync(cancellationToken),
            cancellationToken);

    // The seat gate, inside the write transaction that holds the workspace lock: only an account that takes a seat
    // its previous state did not hold is counted.
    private static async Task<bool> IsOverSeatLimitAsync(DbTransaction transaction, StoredUser user, StoredUser? previous, int? seatLimit, CancellationToken cancellationToken)
    {
        if (user.Account.Seat is not { } type || type == previous?.Account.Seat || seatLimit is not { } limit)
        {
            return false;
        }

        var seats = await CountSeatsAsync(transaction.Connection!, transaction, user.Account.WorkspaceId, cancellationToken).ConfigureAwait(false);
        return (type == UserType.Internal ? seats.Internal : seats.External) >= limit;
    }

    private Task<(UserStoreResult, bool)> InsertAsync(DbTransaction transaction, StoredUser user, CancellationToken cancellationToken) =>
        WriteUserAsync(transaction, $"INSERT INTO usertypes_users ({UserRow.Columns}) VALUES ({UserRow.Values})", UserRow.Parameters(user), cancellationToken);

    // Runs the write; a unique violation is a refusal, never an exception: a clashing user name is UserNameTaken,
    // anything else (a clashing id, a second anonymous account) is a conflict.
    private async Task<(UserStoreResult, bool)> WriteUserAsync(DbTransaction transaction, string sql, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        try
        {
            await transaction.Command(sql, parameters).RunAsync(cancellationToken).ConfigureAwait(false);
            return (UserStoreResult.Succeeded, true);
        }
        catch (DbException e) when (_dialect.IsUniqueViolation(e))
        {
            return (_dialect.IsUserNameClash(e) ? UserStoreResult.UserNameTaken : UserStoreResult.Conflict, false);
        }
    }

    private static async Task<StoredUser?> FindAsync(DbConnection connection, DbTransaction? transaction, string condition, (string, object?) parameter, string workspaceId, CancellationToken cancellationToken)
    {
        var rows = await connection.Command($"SELECT {UserRow.Columns} FROM usertypes_users WHERE workspace_id = @workspace_id AND {condition}", transaction, ("workspace_id", workspaceId), parameter)
            .ReadAllAsync(UserRow.Read, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task<SeatCounts> CountSeatsAsync(DbConnection connection, DbTransaction? transaction, string workspaceId, CancellationToken cancellationToken)
    {
        var counts = await connection.Command(SeatCountSql, transaction, ("workspace_id", workspaceId), ("enabled", true))
            .ReadAllAsync(reader => (Type: (UserType)reader.GetInt32(0), Count: Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
        return new SeatCounts(
            counts.Where(c => c.Type == UserType.Internal).Sum(c => c.Count),
            counts.Where(c => c.Type == UserType.External).Sum(c => c.Count));
    }
}
