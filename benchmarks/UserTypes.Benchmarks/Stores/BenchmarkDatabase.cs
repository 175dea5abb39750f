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
    private readonly ServiceProvider _provider;

    public BenchmarkDatabase(string kind, int collaborators = 0)
    {
        var builder = new ServiceCollection().AddUserTypes();
        switch (kind)
        {
            case "Sqlite":
                _file = Path.Combine(Path.GetTempPath(), $"usertypes-bench-{Guid.NewGuid():N}.db");
                builder.AddSqliteStores($"Data Source={_file}");
                break;
            case "PostgreSql":
                var server = Environment.GetEnvironmentVariable(PostgresVariable)
                    ?? throw new InvalidOperationException($"Set {PostgresVariable} to an Npgsql connection string to benchmark PostgreSQL.");
                _schema = $"bench_{Guid.NewGuid():N}";
                Admin(server, $"CREATE SCHEMA {_schema}");
                builder.AddPostgreSqlStores(new NpgsqlConnectionStringBuilder(server) { SearchPath = _schema }.ToString());
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
            CancellationToken.None).GetAwaiter().GetResult();
    }

    public IWorkspaceStore Workspaces { get; }

    public IUserTypesStore Users { get; }

    public WorkspaceLookupCache Cache { get; }

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

    private static void Admin(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
