using System.Data.Common;

namespace UserTypes;

/// <summary>
/// The workspace and account store over a relational database, one code path for every dialect. Each store
/// operation is one transaction; writes that must be atomic across processes (the seat gate, user-name
/// uniqueness, version checks, reclassification) first lock the workspace row, so concurrent writers to one
/// workspace are serialised by the database, and unique constraints back the checks up. The schema is migrated
/// on first use. Changes made by other processes reach <see cref="StoreChangeSignal"/> through the dialect's
/// watcher, which starts with the store and stops when it is disposed.
/// </summary>
internal sealed partial class RelationalStore : IUserTypesStore, IAsyncDisposable, IDisposable
{
    private readonly SqlDialect _dialect;

    // The steps of LoginAttemptRecord.Reserve as one upsert, so that it is atomic in any number of processes: a record
    // past its expiry counts as new, a locked one is left alone (no row comes back), and the reservation that reaches
    // the limit locks. Every SET expression reads the record as it was before the statement.
    private readonly string _reserveSql;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _migrated;
    private Task? _watcher;

    public RelationalStore(SqlDialect dialect, StoreChangeSignal changes, TimeProvider time)
    {
        _dialect = dialect;
        _reserveSql = BuildReserveSql(dialect.SkipLockedRows);
        _time = time;
        Changes = changes;
    }

    private StoreChangeSignal Changes { get; }

    // A container disposed synchronously still stops the watcher and releases the connections.
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_watcher is not null)
        {
            await _watcher.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stopping.Dispose();
        _migration.Dispose();
        await _dialect.DisposeAsync().ConfigureAwait(false);
    }

    // Every operation starts here: the schema is current before the first statement, and the watcher runs.
    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        return await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated)
            {
                return;
            }

            await _dialect.MigrateExclusivelyAsync(ApplyMissingMigrationsAsync, cancellationToken).ConfigureAwait(false);

            // Watching starts before the first read is served, so no change can fall between the two.
            var watch = await _dialect.StartWatchingAsync(Changes, cancellationToken).ConfigureAwait(false);
            _watcher = Task.Run(() => watch(_stopping.Token), CancellationToken.None);
            _migrated = true;
        }
        finally
        {
            _migration.Release();
        }
    }

    private async Task ApplyMissingMigrationsAsync(DbConnection connection, DbTransaction transaction)
    {
        await transaction.Command("CREATE TABLE IF NOT EXISTS usertypes_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)")
            .RunAsync(CancellationToken.None).ConfigureAwait(false);
        var applied = (await transaction.Command("SELECT version FROM usertypes_migrations")
            .ReadAllAsync(reader => reader.GetCount(0), CancellationToken.None).ConfigureAwait(false))
            .ToHashSet();

        // A newer version of the library migrated this database: this one does not know what its schema now means (an
        // older poller, for one, could delete what a newer schema keeps), so it refuses to touch it.
        if (applied.Count > 0 && applied.Max() > _dialect.Migrations.Count)
        {
            throw new InvalidOperationException(
                $"The database's UserTypes schema is at version {applied.Max()}, newer than this version of UserTypes knows ({_dialect.Migrations.Count}). " +
                "Run the version that migrated it, or restore a backup made before it did.");
        }

        for (var version = 1; version <= _dialect.Migrations.Count; version++)
        {
            if (applied.Contains(version))
            {
                continue;
            }

            await transaction.Command(_dialect.Migrations[version - 1]).RunAsync(CancellationToken.None).ConfigureAwait(false);
            await transaction.Command(
                "INSERT INTO usertypes_migrations (version, applied_at) VALUES (@version, @applied_at)",
                ("version", version),
                ("applied_at", _time.GetUtcNow().UtcTicks)).RunAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    // One write: open, begin, lock the workspace row and record the write (its change notice and audit entries; one round
    // trip), run, then commit (which sends the notice to other processes, and then raises the signal in this one) or
    // roll back (which drops the notice and the entries with the change).
    private async Task<T> WriteAsync<T>(
        StoreChange change, IReadOnlyList<AuditEntry> audit, Func<DbTransaction, WorkspaceLock, Task<(T Result, bool Commit)>> write, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var locked = await LockAsync(transaction, change, audit, cancellationToken).ConfigureAwait(false);
                var (result, commit) = await write(transaction, locked).ConfigureAwait(false);
                if (commit)
                {
                    // Once committed, the write has happened whatever the caller does now: it must be signalled. A commit
                    // that fails may still have happened (the connection dropped after the server committed), so it is
                    // signalled too: a change signalled in vain costs a re-read, one missed leaves a cache stale.
                    try
                    {
                        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                    }
                    finally
                    {
                        change.Raise(Changes);
                    }
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                }

                return result;
            }
        }
    }

    // The lock's row, if the workspace exists; the write's record (its notice and entries) in the same batch, run after the
    // lock is held.
    private async Task<WorkspaceLock> LockAsync(DbTransaction transaction, StoreChange change, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        var (recordSql, recordParameters) = _dialect.Record(change, audit, _time.GetUtcNow());
        var sql = recordSql.Length == 0 ? _dialect.LockWorkspaceSql : _dialect.LockWorkspaceSql + "; " + recordSql;
        return (await transaction.Command(sql, [("workspace_id", change.WorkspaceId), .. recordParameters])
            .ReadAllAsync(reader => new WorkspaceLock(true, reader.GetInt64(0), new SeatCounts(reader.GetInt32(1), reader.GetInt32(2))), cancellationToken).ConfigureAwait(false))
            .FirstOrDefault();
    }

    private async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await read(connection).ConfigureAwait(false);
        }
    }

    // The locked workspace row: whether it exists, the version of its last reclassification, and its seat counters,
    // which every write of an account keeps equal to the enabled accounts of each type in the same transaction.
    private readonly record struct WorkspaceLock(bool Exists, long ClassifiedVersion, SeatCounts Seats);
}
