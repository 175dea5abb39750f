using System.Data.Common;

namespace UserTypes;

/// <summary>
/// What differs between the databases behind <see cref="RelationalStore"/>: connections, the schema, how a write
/// transaction takes its locks, and how other processes hear of a change. Everything else is one code path.
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    /// <summary>The schema, one script per version, applied in order and recorded in <c>usertypes_migrations</c>.</summary>
    public abstract IReadOnlyList<string> Migrations { get; }

    /// <summary>The collation clause that orders text by code point (as <see cref="SqlTypes.Ordinal"/>).</summary>
    public abstract string OrdinalCollation { get; }

    /// <summary>Locks the workspace row for the rest of the transaction and reads its classified version and seat counters.</summary>
    public abstract string LockWorkspaceSql { get; }

    /// <summary>The clause that makes a sub-select skip rows other transactions hold locked, or empty where writers are serialised anyway.</summary>
    public virtual string SkipLockedRows => string.Empty;

    /// <summary>Opens a connection ready for use.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The open connection.</returns>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction in which the writes of one store operation are atomic.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transaction.</returns>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="migrate"/> while holding a lock that two processes starting at once cannot both hold.</summary>
    /// <param name="migrate">Applies the missing migrations inside the given transaction.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    public abstract Task MigrateExclusivelyAsync(Func<DbConnection, DbTransaction, Task> migrate, CancellationToken cancellationToken);

    /// <summary>The table that holds the audit trail: its rows with an action are the entries, <c>seq</c> their sequence.</summary>
    public abstract string AuditTable { get; }

    /// <summary>
    /// The statements that record a write in its transaction once the workspace's lock is held: the notice that tells
    /// other processes of the change when the transaction commits (none for a silent change), and the write's audit
    /// entries. Sent in the same round trip as the lock, and undone with the transaction if it rolls back.
    /// </summary>
    /// <param name="change">What the write changes.</param>
    /// <param name="entries">The write's audit entries, if any.</param>
    /// <param name="now">The time of the write, from the store's <see cref="TimeProvider"/>.</param>
    /// <returns>The statements (empty when there is nothing to record) and their parameters.</returns>
    public abstract (string Sql, (string Name, object? Value)[] Parameters) Record(StoreChange change, IReadOnlyList<AuditEntry> entries, DateTimeOffset now);

    /// <summary>Releases what the dialect holds (a connection pool, for example).</summary>
    /// <returns>A task that completes when released.</returns>
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Starts watching for changes made by other processes. Completes once nothing committed from now on can be
    /// missed (the change log's position is read, or <c>LISTEN</c> is active), so the store serves no read before
    /// that; the returned loop then raises <paramref name="signal"/> for each change until cancelled.
    /// </summary>
    /// <param name="signal">The signal of this process.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The watching loop, to run in the background with a token that stops it.</returns>
    public abstract Task<Func<CancellationToken, Task>> StartWatchingAsync(StoreChangeSignal signal, CancellationToken cancellationToken);
}
