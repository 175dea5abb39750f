using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace UserTypes.Benchmarks.Stores;

/// <summary>
/// A fresh database of one kind for a benchmark: in memory, a temporary SQLite file, or a schema of its own on the
/// PostgreSQL server named by <c>USERTYPES_TEST_POSTGRES</c> (the same variable the tests use).
/// </summary>
internal sealed class BenchmarkDatabase : IDisposable
{
    public const string PostgresVariable = "USERTYPES_TEST_POSTGRES";

    private readonly string? _file;
    private readonly string? _schema;
    private readonly string? _connectionString;
    private readonly ServiceProvider _provider;

    public BenchmarkDatabase(string kind, int collaborators = 0, Action<UserTypesOptions>? configure = null)
    {
        var builder = new ServiceCollection().AddUserTypes(o =>
        {
            o.Mail.Enabled = false;
            configure?.Invoke(o);
        });
        switch (kind)
        {
            case "Sqlite":
                _file = Path.Combine(Path.GetTempPath(), $"usertypes-bench-{Guid.NewGuid():N}.db");
                _connectionString = $"Data Source={_file}";
                builder.AddSqliteStores(_connectionString);
                break;
            case "PostgreSql":
                var server = Environment.GetEnvironmentVariable(PostgresVariable)
                    ?? throw new InvalidOperationException($"Set {PostgresVariable} to an Npgsql connection string to benchmark PostgreSQL.");
                _schema = $"bench_{Guid.NewGuid():N}";
                Admin(server, $"CREATE SCHEMA {_schema}");
                _connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = _schema }.ToString();
                builder.AddPostgreSqlStores(_connectionString);
                break;
            default:
                builder.AddInMemoryStores();
                break;
        }

        _provider = builder.Services.BuildServiceProvider();
        Workspaces = _provider.GetRequiredService<IWorkspaceStore>();
        Users = _provider.GetRequiredService<IUserTypesStore>();
        Cache = _provider.GetRequiredService<WorkspaceLookupCache>();
        Workspaces.TryCreateAsync(
            new WorkspaceRecord
            {
                Id = "bench",
                Collaborators = [.. Enumerable.Range(0, Math.Max(collaborators, 1)).Select(i => new Collaborator($"person{i}@company{i}.example", CollaboratorRole.Collaborator))],
            },
            [],
            CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The account of every tenth entry <see cref="InsertAuditEntries"/> makes.</summary>
    public const string BusyAuditSubject = "busy";

    /// <summary>The account of only the oldest entry <see cref="InsertAuditEntries"/> makes.</summary>
    public const string RareAuditSubject = "rare";

    public IUserDirectory Directory => _provider.GetRequiredService<IUserDirectory>();

    public IAuditLog AuditLog => _provider.GetRequiredService<IAuditLog>();

    public IAuthenticator Authenticator => _provider.GetRequiredService<IAuthenticator>();

    public IWorkspaceStore Workspaces { get; }

    public IUserTypesStore Users { get; }

    public WorkspaceLookupCache Cache { get; }

    /// <summary>
    /// Adds <paramref name="count"/> internal accounts named user000001, user000002, ... to the workspace with one
    /// statement straight against the database (through the store they would take minutes), then corrects the seat
    /// counter the store keeps beside them.
    /// </summary>
    public void InsertAccounts(int count)
    {
        const string Columns = "id, workspace_id, user_name, normalized_user_name, email, email_confirmed, user_type, user_type_source, person_id, enabled, " +
            "rights, created_at, version, password_hash, security_stamp, administrator";
        var sql = _file is not null
            ? $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) INSERT INTO usertypes_users ({Columns}) " +
              "SELECT printf('u%06d', i), 'bench', printf('user%06d', i), printf('USER%06d', i), printf('user%06d@company.example', i), 1, 0, 1, NULL, 1, " +
              "'{\"Functional\":[],\"Data\":{}}', 0, 1, 'hash', printf('stamp%06d', i), 0 FROM n"
            : $"INSERT INTO usertypes_users ({Columns}) " +
              "SELECT 'u' || lpad(i::text, 6, '0'), 'bench', 'user' || lpad(i::text, 6, '0'), 'USER' || lpad(i::text, 6, '0'), 'user' || lpad(i::text, 6, '0') || '@company.example', " +
              "true, 0, 1, NULL, true, '{\"Functional\":[],\"Data\":{}}', 0, 1, 'hash', 'stamp' || i, false " +
              $"FROM generate_series(1, {count}) AS i";
        Execute(sql);
        Execute($"UPDATE usertypes_workspaces SET internal_seats = internal_seats + {count} WHERE id = 'bench'");
    }

    /// <summary>
    /// Adds <paramref name="count"/> entries to the workspace's trail with one statement straight against the database
    /// (SQLite keeps the trail in its write log): the first about <see cref="RareAuditSubject"/>, every tenth about
    /// <see cref="BusyAuditSubject"/>, the others each about an account of its own.
    /// </summary>
    public void InsertAuditEntries(int count)
    {
        const string Subject = "CASE WHEN i = 1 THEN 'rare' WHEN i % 10 = 0 THEN 'busy' ELSE 'u' || i END";
        Execute(_file is not null
            ? $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) " +
              "INSERT INTO usertypes_log (workspace_id, at, actor_user_id, action, subject_user_id, summary) " +
              $"SELECT 'bench', i, 'admin', 'user-disabled', {Subject}, 'Account disabled.' FROM n"
            : "INSERT INTO usertypes_audit (workspace_id, at, actor_user_id, action, subject_user_id, summary) " +
              $"SELECT 'bench', i, 'admin', 'user-disabled', {Subject}, 'Account disabled.' FROM generate_series(1, {count}) AS i; ANALYZE usertypes_audit");
    }

    public void Dispose()
    {
        _provider.Dispose();
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_file);
        }

        if (_schema is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Admin(Environment.GetEnvironmentVariable(PostgresVariable)!, $"DROP SCHEMA {_schema} CASCADE");
        }
    }

    private void Execute(string sql)
    {
        using System.Data.Common.DbConnection connection = _file is not null ? new SqliteConnection(_connectionString) : new NpgsqlConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The benchmark's own text, no input.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private static void Admin(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
