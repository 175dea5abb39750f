using System.Data.Common;

namespace UserTypes;

internal sealed partial class RelationalStore
{
    private const string SeatCountSql =
        "SELECT user_type, COUNT(*) FROM usertypes_users WHERE workspace_id = @workspace_id AND enabled = @enabled AND user_type IN (0, 1) GROUP BY user_type";

    public Task<UserStoreResult> CreateAsync(StoredUser user, int? seatLimit, CancellationToken cancellationToken) =>
        WriteAsync(
            user.Account.WorkspaceId,
            async (transaction, locked) =>
            {
                // The seat gate reads the counters the lock returned; the name is left to the unique constraint, so
                // the common case is one more statement.
                if (IsOverSeatLimit(locked.Seats, user, previous: null, seatLimit))
                {
                    return (UserStoreResult.SeatLimitReached, false);
                }

                return await InsertAsync(transaction, user, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<UserStoreResult> UpdateAsync(StoredUser user, long expectedVersion, int? seatLimit, CancellationToken cancellationToken) =>
        WriteAsync(
            user.Account.WorkspaceId,
            async (transaction, locked) =>
            {
                var previous = await FindAsync(transaction.Connection!, transaction, "id = @id", ("id", user.Account.Id), user.Account.WorkspaceId, cancellationToken).ConfigureAwait(false);
                if (previous?.Account.Version != expectedVersion)
                {
                    return (UserStoreResult.Conflict, false);
                }

                if (IsOverSeatLimit(locked.Seats, user, previous, seatLimit))
                {
                    return (UserStoreResult.SeatLimitReached, false);
                }

                return await WriteUserAsync(
                    transaction,
                    $"UPDATE usertypes_users SET {UserRow.Assignments} WHERE id = @id AND version = @expected",
                    [.. UserRow.Parameters(user), ("expected", expectedVersion)],
                    previous.Account.Seat,
                    user,
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
        ReadAsync(
            async connection => (await connection.Command("SELECT internal_seats, external_seats FROM usertypes_workspaces WHERE id = @id", null, ("id", workspaceId))
                .ReadAllAsync(reader => new SeatCounts(reader.GetInt32(0), reader.GetInt32(1)), cancellationToken).ConfigureAwait(false)).FirstOrDefault(),
            cancellationToken);

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

                // A full pass recounts the seats from the accounts, so the counters are also repaired here if ever wrong.
                var seats = await CountSeatsAsync(transaction.Connection!, transaction, workspaceId, cancellationToken).ConfigureAwait(false);
                await transaction.Command(
                    "UPDATE usertypes_workspaces SET classified_version = @version, internal_seats = @internal, external_seats = @external WHERE id = @id",
                    ("version", workspaceVersion), ("internal", seats.Internal), ("external", seats.External), ("id", workspaceId))
                    .RunAsync(cancellationToken).ConfigureAwait(false);
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

    // The seat gate, on the counters read under the workspace lock: only an account that takes a seat its previous
    // state did not hold is checked.
    private static bool IsOverSeatLimit(SeatCounts seats, StoredUser user, StoredUser? previous, int? seatLimit) =>
        user.Account.Seat is { } type && type != previous?.Account.Seat && seatLimit is { } limit
        && (type == UserType.Internal ? seats.Internal : seats.External) >= limit;

    private Task<(UserStoreResult, bool)> InsertAsync(DbTransaction transaction, StoredUser user, CancellationToken cancellationToken) =>
        WriteUserAsync(transaction, $"INSERT INTO usertypes_users ({UserRow.Columns}) VALUES ({UserRow.Values})", UserRow.Parameters(user), null, user, cancellationToken);

    // Runs the write and moves the seat counters with it, in one round trip. A unique violation is a refusal, never an
    // exception: a clashing user name is UserNameTaken, anything else (a clashing id, a second anonymous account) is
    // a conflict.
    private async Task<(UserStoreResult, bool)> WriteUserAsync(
        DbTransaction transaction, string sql, (string, object?)[] parameters, UserType? seatBefore, StoredUser user, CancellationToken cancellationToken)
    {
        var after = user.Account.Seat;
        var delta = (Internal: Seats(after, UserType.Internal) - Seats(seatBefore, UserType.Internal), External: Seats(after, UserType.External) - Seats(seatBefore, UserType.External));
        if (delta != (0, 0))
        {
            sql += "; UPDATE usertypes_workspaces SET internal_seats = internal_seats + @internal_delta, external_seats = external_seats + @external_delta WHERE id = @workspace_id";
            parameters = [.. parameters, ("internal_delta", delta.Internal), ("external_delta", delta.External)];
        }

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

    private static int Seats(UserType? seat, UserType type) => seat == type ? 1 : 0;

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
