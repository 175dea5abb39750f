using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace UserTypes;

/// <summary>
/// SQLite: one file in WAL mode with a busy timeout. Every write transaction begins IMMEDIATE, taking the
/// database's one write lock, so writers are serialised by SQLite itself. Every write logs the workspace it
/// changed in <c>usertypes_log</c>, in the same transaction, with the write's audit entries; each process checks the
/// log's sequence every <see cref="PollInterval"/> (one row read) and drops the workspaces other processes changed.
/// </summary>
internal sealed class SqliteDialect(string connectionString, TimeProvider time) : SqlDialect
{
    /// <summary>How often other processes' changes are looked for: the bound on how stale a cached workspace gets.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly string _instance = Guid.NewGuid().ToString("N");

    public override IReadOnlyList<string> Migrations { get; } = RelationalSchema.Migrations(
        new SqlTypes(Text: "TEXT", Integer: "INTEGER", BigInt: "INTEGER", Boolean: "INTEGER", Bytes: "BLOB", Identity: "INTEGER PRIMARY KEY AUTOINCREMENT", Ordinal: "COLLATE BINARY"),
        dialectTables: """
            CREATE TABLE usertypes_changes (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                workspace_id TEXT NOT NULL,
                user_id TEXT NULL,
                instance TEXT NOT NULL,
                at INTEGER NOT NULL);
            """,

        // The change log becomes the write log (see AuditTable), under a new name, so that a process of an earlier version
        // (whose poller deleted the log's rows by age) fails instead of deleting the trail. The entries keep their
        // sequences, and the log's key goes on above the highest the trail ever gave (a purge may have emptied it).
        // Rows that tell no one have no instance.
        dialectAuditTrail: """
            CREATE TABLE usertypes_log (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                workspace_id TEXT NOT NULL,
                at INTEGER NOT NULL,
                actor_user_id TEXT NULL,
                action TEXT NULL,
                subject_user_id TEXT NULL,
                summary TEXT NULL,
                user_id TEXT NULL,
                instance TEXT NULL);
            INSERT INTO usertypes_log (seq, workspace_id, at, actor_user_id, action, subject_user_id, summary)
                SELECT seq, workspace_id, at, actor_user_id, action, subject_user_id, summary FROM usertypes_audit ORDER BY seq;
            INSERT INTO sqlite_sequence (name, seq) SELECT 'usertypes_log', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'usertypes_log');
            UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'usertypes_audit'), 0)) WHERE name = 'usertypes_log';
            CREATE INDEX usertypes_log_audit ON usertypes_log (workspace_id, seq, subject_user_id) WHERE action IS NOT NULL;
            CREATE TABLE usertypes_log_pruned (through INTEGER NOT NULL);
            INSERT INTO usertypes_log_pruned (through) SELECT seq FROM sqlite_sequence WHERE name = 'usertypes_log';
            DROP TABLE usertypes_audit;
            DROP TABLE usertypes_changes;
            """);

    public override string OrdinalCollation => "COLLATE BINARY";

    public override string LockWorkspaceSql => "SELECT classified_version, internal_seats, external_seats FROM usertypes_workspaces WHERE id = @workspace_id";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // synchronous = NORMAL is SQLite's advice for WAL: a commit survives any crash of the process; only a power
            // cut or an operating-system crash can undo the last commits, never corrupt the file.
            await connection.Command("PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;", null)
                .RunAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>

        // Not deferred: BEGIN IMMEDIATE takes the write lock now, so the checks that follow see what the write will.
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override async Task MigrateExclusivelyAsync(Func<DbConnection, DbTransaction, Task> migrate, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // WAL lets readers go on while one writer writes; it is a property of the file and outlives this connection.
            await connection.Command("PRAGMA journal_mode = WAL", null).RunAsync(cancellationToken).ConfigureAwait(false);

            // The write lock of BEGIN IMMEDIATE is the migration lock: a second process waits, then finds the work done.
            var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await migrate(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // The audit trail is the write log's rows with an action. Every audited write appends its change notice anyway, so its
    // entry rides in the same statement and the same page: a table of its own cost each audited write a statement and a
    // page per index, 12-27 % more than the write without it, where the goal is at most 10 % (benchmarks/README.md).
    // The log's key is ever-increasing and handed out under SQLite's one write lock, so it is a sequence in commit order;
    // the entries' partial index pages a workspace's trail, and finds an account's entries in it without reading rows.
    public override string AuditTable => Log;

    // The write log: every write's notice to other processes and, with it, its audit entries.
    private const string Log = "usertypes_log";

    // The notice rides in the first entry's row where the entry is of the changed workspace; rows that tell no one (the
    // other entries, and every entry of a silent change) have no instance, and no watcher raises them.
    public override (string Sql, (string Name, object? Value)[] Parameters) Record(StoreChange change, IReadOnlyList<AuditEntry> entries, DateTimeOffset now)
    {
        (string, object?)[] notice = change.Notify
            ? [("notify_workspace", change.WorkspaceId), ("notify_user", change.UserId), ("notify_instance", _instance), ("notify_at", now.UtcTicks)]
            : [];
        var (rows, parameters) = AuditRows.Of(entries);
        var values = new List<string>(rows.Length + 1);
        var told = !change.Notify;
        for (var i = 0; i < rows.Length; i++)
        {
            var tells = !told && entries[i].WorkspaceId == change.WorkspaceId;
            told |= tells;
            values.Add($"({rows[i]}, {(tells ? "@notify_user, @notify_instance" : "NULL, NULL")})");
        }

        if (!told)
        {
            values.Add("(@notify_workspace, @notify_at, NULL, NULL, NULL, NULL, @notify_user, @notify_instance)");
        }

        return values.Count == 0
            ? (string.Empty, [])
            : ($"INSERT INTO {Log} ({AuditRows.Columns}, user_id, instance) VALUES {string.Join(", ", values)}", [.. notice, .. parameters]);
    }

    public override async Task<Func<CancellationToken, Task>> StartWatchingAsync(StoreChangeSignal signal, CancellationToken cancellationToken)
    {
        // Changes logged before this point cannot be in any cache yet: start from the newest.
        var lastSeen = await LatestChangeAsync(cancellationToken).ConfigureAwait(false);
        return stopping => WatchAsync(signal, lastSeen, stopping);
    }

    private async Task WatchAsync(StoreChangeSignal signal, long lastSeen, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        var failed = false;

        // Pruning runs beside the polls, never in their way: a prune waiting for the write lock delays no poll.
        var pruning = Task.CompletedTask;
        long? prunedAt = null;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    var latest = await LatestChangeAsync(cancellationToken).ConfigureAwait(false);
                    if (failed)
                    {
                        // Reading again after a failure: what other callers read and cached while this poller could not
                        // may be older than changes it has yet to hear of. Dropped once more, it is all read afresh.
                        signal.EverythingChanged();
                        failed = false;
                    }

                    if (latest != lastSeen)
                    {
                        await ReadChangesAsync(signal, lastSeen, cancellationToken).ConfigureAwait(false);
                        lastSeen = latest;
                    }
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // Whatever was missed while the database could not be read, nothing stale may stay cached.
                    signal.EverythingChanged();
                    failed = true;
                }

                if (pruning.IsCompleted && (prunedAt is not { } at || time.GetElapsedTime(at) >= LogPruner.Interval))
                {
                    prunedAt = time.GetTimestamp();
                    // On a thread of its own: Microsoft.Data.Sqlite's async calls run synchronously, and a prune may wait
                    // for the write lock.
                    pruning = Task.Run(() => PruneAsync(cancellationToken), CancellationToken.None);
                }
            }
        }
        finally
        {
            await pruning.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // Housekeeping: a prune that fails (the file busy beyond the timeout, say) is tried again at the next interval.
    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        try
        {
            var connection = (SqliteConnection)await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await LogPruner.PruneAsync(connection, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    // The log's sequence: one row to read, and it moves exactly when a row is logged.
    private async Task<long> LatestChangeAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.Command($"SELECT seq FROM sqlite_sequence WHERE name = '{Log}'", null)
                .ReadAllAsync(reader => reader.GetInt64(0), cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? 0 : rows[0];
        }
    }

    private async Task ReadChangesAsync(StoreChangeSignal signal, long lastSeen, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var changes = await connection.Command($"SELECT seq, workspace_id, user_id, instance FROM {Log} WHERE seq > @last ORDER BY seq", null, ("last", lastSeen))
                .ReadAllAsync(reader => (Seq: reader.GetInt64(0), Change: new StoreChange(reader.GetString(1), reader.NullableString(2)), Instance: reader.NullableString(3)), cancellationToken).ConfigureAwait(false);

            // Read after the rows: a watermark past what this poller had read means notices it never saw may be gone
            // (the entries kept among them would hide the gap in the keys), so what they said is unknown.
            var watermark = (await connection.Command(LogPruner.WatermarkSql, null).ReadAllAsync(reader => reader.GetInt64(0), cancellationToken).ConfigureAwait(false))[0];
            if (changes.Count == 0 || changes[0].Seq > lastSeen + 1 || watermark > lastSeen)
            {
                signal.EverythingChanged();
            }

            // Rows without an instance tell no one; this process raised its own changes when it committed them.
            foreach (var change in changes.Where(c => c.Instance is not null && c.Instance != _instance).Select(c => c.Change).Distinct())
            {
                change.Raise(signal);
            }
        }
    }
}
