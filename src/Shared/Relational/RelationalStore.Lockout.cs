using System.Data.Common;

namespace UserTypes;

internal sealed partial class RelationalStore
{
    // Expired records purged per reservation: more than one, so they never pile up, few enough to keep the write short.
    private const int AttemptPurgeBatch = 10;

    private const string Attempts = "usertypes_login_attempts";

    // Every reservation reads its record first and does the same statements whatever the key, so an unknown user name
    // costs what an account does. An attempt that would lock the key takes the workspace's lock before the record's, the
    // order of every other write (so a lock and an unlock or a delete never wait on each other), and writes its entry
    // under it (so its sequence follows the entries of writes committed before). One that locks unforeseen, because
    // others raced ahead, is rolled back and done again that way.
    public async Task<LoginAttempt?> ReserveLoginAttemptAsync(
        string workspaceId, string attemptKey, LoginAttemptPolicy policy, DateTimeOffset now, AuditEntry? lockedOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var (inserted, _) = LoginAttemptRecord.Reserve(null, policy, now);

        // A reservation that locks an account is told to every instance, so none keeps serving a password it remembered.
        var locking = lockedOut?.SubjectUserId is { } lockedUser ? new StoreChange(workspaceId, lockedUser) : StoreChange.Silent(workspaceId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            for (var round = 0; ; round++)
            {
                var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var current = await ReadAttemptsAsync(transaction, workspaceId, attemptKey, cancellationToken).ConfigureAwait(false);
                    var workspaceFirst = round > 0 || LoginAttemptRecord.Reserve(current, policy, now).Attempt?.LockedUntil is not null;
                    if (workspaceFirst)
                    {
                        await LockAsync(transaction, locking, [], cancellationToken).ConfigureAwait(false);
                    }

                    var rows = await transaction.Command(
                        _reserveSql,
                        [
                            ("workspace_id", workspaceId),
                            ("attempt_key", attemptKey),
                            ("now", now.UtcTicks),
                            ("max", policy.MaxFailedAttempts),
                            ("first", policy.FirstLockout.Ticks),
                            ("longest", policy.LongestLockout.Ticks),
                            ("kept", policy.FailuresKeptAfterLockout),
                            ("batch", AttemptPurgeBatch),
                            .. LoginAttemptRow.Parameters(inserted),
                        ]).ReadAllAsync(reader => LoginAttemptRow.Read(reader).LastReserved, cancellationToken).ConfigureAwait(false);
                    var attempt = rows.Count == 1 ? rows[0] : null;
                    if (attempt?.LockedUntil is not null)
                    {
                        if (!workspaceFirst)
                        {
                            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                            continue;
                        }

                        await InsertAuditAsync(transaction, lockedOut is null ? [] : [lockedOut], cancellationToken).ConfigureAwait(false);
                    }

                    // As every write: a commit that throws may still have landed, and a lock no instance hears of would
                    // leave a remembered password open to guesses, so the lock is signalled either way.
                    try
                    {
                        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                    }
                    finally
                    {
                        if (attempt?.LockedUntil is not null)
                        {
                            locking.Raise(Changes);
                        }
                    }

                    return attempt;
                }
            }
        }
    }

    // A release that lifts the lock its own attempt set (the attempt that locked was the right password) records the
    // lift with it, under the workspace's lock taken first, as every audited write does; any other release is one
    // statement.
    public async Task ReleaseLoginAttemptAsync(string workspaceId, string attemptKey, LoginAttempt attempt, AuditEntry? lifted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        (string, object?)[] parameters = [("workspace_id", workspaceId), ("attempt_key", attemptKey), ("epoch", attempt.Epoch), ("ticket", attempt.Ticket)];
        if (attempt.LockedUntil is null || lifted is null)
        {
            await ReadAsync(connection => connection.Command(ReleaseSql, null, parameters).RunAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            return;
        }

        await WriteAsync(
            StoreChange.Silent(workspaceId),
            [],
            async (transaction, _) =>
            {
                var liftedOwnLock = await transaction.Command(
                    $"UPDATE {Attempts} SET lockout_end = NULL, locked_by = NULL " +
                    "WHERE workspace_id = @workspace_id AND attempt_key = @attempt_key AND epoch = @epoch AND locked_by = @ticket RETURNING attempt_key",
                    parameters).ReadAllAsync(reader => reader.GetString(0), cancellationToken).ConfigureAwait(false);
                await transaction.Command(ReleaseSql, parameters).RunAsync(cancellationToken).ConfigureAwait(false);
                await InsertAuditAsync(transaction, liftedOwnLock.Count == 1 ? [lifted] : [], cancellationToken).ConfigureAwait(false);
                return (true, true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task ClearLoginAttemptsAsync(string workspaceId, string attemptKey, AuditEntry? audit, CancellationToken cancellationToken) =>
        WriteAsync(
            StoreChange.Silent(workspaceId),
            audit is null ? [] : [audit],
            async (transaction, _) =>
            {
                await transaction.Command(
                    $"UPDATE {Attempts} SET counted_from = issued, lockout_end = NULL, locked_by = NULL, next_lockout = NULL " +
                    "WHERE workspace_id = @workspace_id AND attempt_key = @attempt_key",
                    ("workspace_id", workspaceId),
                    ("attempt_key", attemptKey)).RunAsync(cancellationToken).ConfigureAwait(false);
                return (true, true);
            },
            cancellationToken);

    // The steps of LoginAttemptRecord.Release: only what the attempt itself reserved is cleared.
    private const string ReleaseSql =
        $"UPDATE {Attempts} SET " +
        "counted_from = CASE WHEN counted_from > @ticket THEN counted_from ELSE @ticket + 1 END, " +
        "lockout_end = CASE WHEN locked_by = @ticket THEN NULL ELSE lockout_end END, " +
        "locked_by = CASE WHEN locked_by = @ticket THEN NULL ELSE locked_by END, " +
        "next_lockout = CASE WHEN issued = @ticket + 1 THEN NULL ELSE next_lockout END " +
        "WHERE workspace_id = @workspace_id AND attempt_key = @attempt_key AND epoch = @epoch";

    private static async Task<LoginAttemptRecord?> ReadAttemptsAsync(DbTransaction transaction, string workspaceId, string attemptKey, CancellationToken cancellationToken) =>
        (await transaction.Command(
            $"SELECT {LoginAttemptRow.Columns} FROM {Attempts} WHERE workspace_id = @workspace_id AND attempt_key = @attempt_key",
            ("workspace_id", workspaceId),
            ("attempt_key", attemptKey)).ReadAllAsync(reader => LoginAttemptRow.Read(reader), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    private static string BuildReserveSql(string skipLockedRows)
    {
        const string fresh = "a.expires_at <= @now";
        const string countedFrom = $"(CASE WHEN {fresh} THEN a.issued ELSE a.counted_from END)";
        const string length = $"COALESCE(CASE WHEN {fresh} THEN NULL ELSE a.next_lockout END, @first)";
        const string locks = $"(a.issued + 1 - {countedFrom} >= @max)";
        return
            $"INSERT INTO {Attempts} AS a (workspace_id, attempt_key, {LoginAttemptRow.Columns}) VALUES (@workspace_id, @attempt_key, {LoginAttemptRow.Values}) " +
            "ON CONFLICT (workspace_id, attempt_key) DO UPDATE SET " +
            "issued = a.issued + 1, " +
            $"counted_from = CASE WHEN {locks} THEN a.issued + 1 - @kept ELSE {countedFrom} END, " +
            $"lockout_end = CASE WHEN {locks} THEN @now + {length} ELSE NULL END, " +
            $"locked_by = CASE WHEN {locks} THEN a.issued ELSE NULL END, " +
            $"next_lockout = CASE WHEN {locks} THEN (CASE WHEN {length} * 2 > @longest THEN @longest ELSE {length} * 2 END) " +
            $"WHEN {fresh} THEN NULL ELSE a.next_lockout END, " +
            $"expires_at = (CASE WHEN {locks} THEN @now + {length} ELSE @now END) + @longest " +
            $"WHERE {fresh} OR a.lockout_end IS NULL OR a.lockout_end <= @now " +
            $"RETURNING {LoginAttemptRow.Columns}; " +

            // The purge after it, in the same round trip, never of this key. Expiry is checked again on the row deleted
            // (a record another writer revives meanwhile is live by then), and records other writers hold are skipped
            // where the database can, so two purges never wait for each other.
            $"DELETE FROM {Attempts} WHERE workspace_id = @workspace_id AND expires_at <= @now AND attempt_key IN " +
            $"(SELECT attempt_key FROM {Attempts} WHERE workspace_id = @workspace_id AND expires_at <= @now AND attempt_key <> @attempt_key LIMIT @batch{skipLockedRows})";
    }
}
