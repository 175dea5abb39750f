using System.Data;
using System.Data.Common;
using System.Text.Json;
using Npgsql;

namespace UserTypes;

/// <summary>
/// PostgreSQL: writes run at READ COMMITTED and lock the workspace row (<c>SELECT ... FOR UPDATE</c>), so all
/// writers to one workspace, in any process, are serialised by the database. Each write queues
/// <c>pg_notify</c>, delivered at commit to every instance listening, which drops that workspace from its caches.
/// Migrations hold a transaction-scoped advisory lock.
/// </summary>
internal sealed class PostgreSqlDialect : SqlDialect
{
    /// <summary>The notification channel.</summary>
    public const string Channel = "usertypes_changes";

    // An arbitrary constant that names the migration lock among the database's advisory locks.
    private const long MigrationLockKey = 0x5573_6572_5479_7065;

    // A lost listener tries again at once, then backs off, so a restarted server is heard again within moments and a
    // server that stays down is not hammered.
    private static readonly TimeSpan FirstReconnectDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LastReconnectDelay = TimeSpan.FromMilliseconds(500);

    // A connection can die without a word (a cut network, a failover behind a proxy): a notification that will never
    // come looks like silence. After this much silence the listener asks the server, and a server that does not answer
    // within HeartbeatTimeout counts as lost.
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(10);
    private const int HeartbeatTimeoutSeconds = 5;

    // Statements kept prepared per connection, least recently used dropped first: every text the store sends often.
    private const int AutoPreparedStatements = 64;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _instance = Guid.NewGuid().ToString("N");

    public PostgreSqlDialect(string connectionString) => _dataSource = NpgsqlDataSource.Create(WithAutoPrepare(connectionString));

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on, unless the host set <c>Max Auto Prepare</c> itself.
    /// The store sends a few statement texts over and over, so the server is spared parsing and planning each again on
    /// every call: a write costs about 40 % less (benchmarks/README.md). A host behind a pooler in transaction mode
    /// that cannot keep prepared statements (PgBouncer without <c>max_prepared_statements</c>) sets <c>Max Auto Prepare=0</c>.
    /// </summary>
    /// <param name="connectionString">The host's connection string.</param>
    /// <returns>The connection string to open.</returns>
    internal static string WithAutoPrepare(string connectionString)
    {
        var set = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => string.Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
        return set ? connectionString : new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPreparedStatements }.ConnectionString;
    }

    public override IReadOnlyList<string> Migrations { get; } = RelationalSchema.Migrations(
        new SqlTypes(Text: "text", Integer: "integer", BigInt: "bigint", Boolean: "boolean", Bytes: "bytea", Identity: "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY", Ordinal: "COLLATE \"C\""),
        dialectTables: string.Empty,

        // One index for the trail's reads where there were two: an account's entries are found in the workspace's index,
        // without reading the rows, and each audited write keeps one index fewer (benchmarks/README.md).
        dialectAuditTrail: """
            DROP INDEX usertypes_audit_by_workspace;
            DROP INDEX usertypes_audit_by_subject;
            CREATE INDEX usertypes_audit_by_workspace ON usertypes_audit (workspace_id, seq, subject_user_id);
            """);

    public override string OrdinalCollation => "COLLATE \"C\"";

    public override string SkipLockedRows => " FOR UPDATE SKIP LOCKED";

    public override string LockWorkspaceSql => "SELECT classified_version, internal_seats, external_seats FROM usertypes_workspaces WHERE id = @workspace_id FOR UPDATE";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public override async Task MigrateExclusivelyAsync(Func<DbConnection, DbTransaction, Task> migrate, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Held until commit: a second process starting at the same moment waits here, then finds the work done.
                await transaction.Command("SELECT pg_advisory_xact_lock(@key)", ("key", MigrationLockKey)).RunAsync(cancellationToken).ConfigureAwait(false);
                await migrate(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public override string AuditTable => "usertypes_audit";

    // The notice is pg_notify, delivered at commit; its payload is a JSON array, [instance, workspace, user or null], so
    // ids may hold any character. The entries go to their own table.
    public override (string Sql, (string Name, object? Value)[] Parameters) Record(StoreChange change, IReadOnlyList<AuditEntry> entries, DateTimeOffset now)
    {
        var notice = change.Notify ? "SELECT pg_notify(@notify_channel, @notify_payload)" : null;
        (string, object?)[] noticeParameters = change.Notify
            ? [("notify_channel", Channel), ("notify_payload", JsonSerializer.Serialize<string?[]>([_instance, change.WorkspaceId, change.UserId]))]
            : [];
        if (entries.Count == 0)
        {
            return (notice ?? string.Empty, noticeParameters);
        }

        var (rows, parameters) = AuditRows.Of(entries);
        var insert = $"INSERT INTO usertypes_audit ({AuditRows.Columns}) VALUES ({string.Join("), (", rows)})";
        return (notice is null ? insert : notice + "; " + insert, [.. noticeParameters, .. parameters]);
    }

    public override async Task<Func<CancellationToken, Task>> StartWatchingAsync(StoreChangeSignal signal, CancellationToken cancellationToken)
    {
        var listening = await ListenAsync(signal, cancellationToken).ConfigureAwait(false);
        return stopping => WatchAsync(signal, listening, stopping);
    }

    private async Task<NpgsqlConnection> ListenAsync(StoreChangeSignal signal, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            connection.Notification += (_, e) => Receive(signal, e.Payload);
            await connection.Command($"LISTEN {Channel}", null).RunAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WatchAsync(StoreChangeSignal signal, NpgsqlConnection listening, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = listening;
        var reconnectDelay = FirstReconnectDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (connection is null)
                {
                    connection = await ListenAsync(signal, cancellationToken).ConfigureAwait(false);
                    reconnectDelay = FirstReconnectDelay;

                    // Listening again: whatever committed while nobody listened, and whatever was read and cached in
                    // that gap, may be stale. Dropped now, everything is read again after this point.
                    signal.EverythingChanged();
                }

                if (!await connection.WaitAsync(HeartbeatInterval, cancellationToken).ConfigureAwait(false))
                {
                    var heartbeat = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = HeartbeatTimeoutSeconds };
                    await heartbeat.RunAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The watcher must outlive any failure: nothing heard while it was down may stay cached, and it listens
                // again on a new connection (and drops everything once more when it does).
                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    connection = null;
                }

                signal.EverythingChanged();
                await Task.Delay(reconnectDelay, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                reconnectDelay = TimeSpan.FromTicks(Math.Min(reconnectDelay.Ticks * 2, LastReconnectDelay.Ticks));
            }
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Receive(StoreChangeSignal signal, string payload)
    {
        string?[]? fields = null;
        try
        {
            fields = JsonSerializer.Deserialize<string?[]>(payload);
        }
        catch (JsonException)
        {
            // Not ours to read: handled below as a change nobody can name.
        }

        if (fields is not [{ } instance, { } workspaceId, var userId])
        {
            signal.EverythingChanged();
        }
        else if (instance != _instance)
        {
            new StoreChange(workspaceId, userId).Raise(signal);
        }
    }
}
