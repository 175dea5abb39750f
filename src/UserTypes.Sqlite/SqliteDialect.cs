using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace UserTypes;

/// <summary>
/// SQLite: one file in WAL mode with a busy timeout. Every write transaction begins IMMEDIATE, taking the
/// database's one write lock, so writers are serialised by SQLite itself. Every write logs the workspace it
/// changed in <c>usertypes_changes</c>, in the same transaction; each process checks the log's sequence every
/// <see cref="PollInterval"/> (one row read) and drops the workspaces other processes changed.
/// </summary>
internal sealed class SqliteDialect(string connectionString, TimeProvider time) : SqlDialect
{
    /// <summary>How often other processes' changes are looked for: the bound on how stale a cached workspace gets.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    // Change-log rows older than this are pruned; a watcher further behind drops every cached workspace.
    private static readonly TimeSpan ChangeLogRetention = TimeSpan.FromMinutes(5);

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

    public override string NotifySql =>
        "INSERT INTO usertypes_changes (workspace_id, user_id, instance, at) VALUES (@notify_workspace, @notify_user, @notify_instance, @notify_at)";

    public override (string Name, object? Value)[] NotifyParameters(StoreChange change, DateTimeOffset now) =>
        [("notify_workspace", change.WorkspaceId), ("notify_user", change.UserId), ("notify_instance", _instance), ("notify_at", now.UtcTicks)];

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
        }
    }

    // The change log's sequence: one row to read, and it moves exactly when a change is logged.
    private async Task<long> LatestChangeAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.Command("SELECT seq FROM sqlite_sequence WHERE name = 'usertypes_changes'", null)
                .ReadAllAsync(reader => reader.GetInt64(0), cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? 0 : rows[0];
        }
    }

    private async Task ReadChangesAsync(StoreChangeSignal signal, long lastSeen, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var changes = await connection.Command("SELECT seq, workspace_id, user_id, instance FROM usertypes_changes WHERE seq > @last ORDER BY seq", null, ("last", lastSeen))
                .ReadAllAsync(reader => (Seq: reader.GetInt64(0), Change: new StoreChange(reader.GetString(1), reader.NullableString(2)), Instance: reader.GetString(3)), cancellationToken).ConfigureAwait(false);
            if (changes.Count == 0 || changes[0].Seq > lastSeen + 1)
            {
                // Rows were pruned before this watcher read them: what they said is unknown.
                signal.EverythingChanged();
            }

            // This process raised its own changes when it committed them.
            foreach (var change in changes.Where(c => c.Instance != _instance).Select(c => c.Change).Distinct())
            {
                change.Raise(signal);
            }

            await connection.Command("DELETE FROM usertypes_changes WHERE at < @cutoff", null, ("cutoff", (time.GetUtcNow() - ChangeLogRetention).UtcTicks))
                .RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
