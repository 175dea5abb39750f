using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace UserTypes.Tests.Stores;

/// <summary>
/// A fresh, empty database of one kind for one test host: a temporary SQLite file, or a schema of its own in the
/// PostgreSQL server named by <see cref="PostgresVariable"/> (tests on PostgreSQL are ignored without it).
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    /// <summary>The environment variable holding an Npgsql connection string to a server tests may create schemas in.</summary>
    public const string PostgresVariable = "USERTYPES_TEST_POSTGRES";

    private readonly string? _sqliteFile;
    private readonly string? _postgresSchema;

    private TestDatabase(StoreKind kind, string? connectionString, string? sqliteFile = null, string? postgresSchema = null)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresSchema = postgresSchema;
    }

    public StoreKind Kind { get; }

    public string? ConnectionString { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>A fresh database of one kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="pooling">Whether SQLite connections are pooled (kept open between uses), as they are by default.</param>
    public static TestDatabase Create(StoreKind kind, bool pooling = true)
    {
        switch (kind)
        {
            case StoreKind.Sqlite:
                var file = Path.Combine(Path.GetTempPath(), $"usertypes-test-{Guid.NewGuid():N}.db");
                return new TestDatabase(kind, new SqliteConnectionStringBuilder { DataSource = file, Pooling = pooling }.ToString(), sqliteFile: file);
            case StoreKind.PostgreSql:
                var server = PostgresServer;
                if (server is null)
                {
                    Assert.Ignore($"PostgreSQL tests need {PostgresVariable} (an Npgsql connection string); .ci/run starts a server and sets it.");
                }

                var schema = $"ut_{Guid.NewGuid():N}";
                Admin(server!, $"CREATE SCHEMA {schema}");
                return new TestDatabase(kind, new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString(), postgresSchema: schema);
            default:
                return new TestDatabase(kind, null);
        }
    }

    /// <summary>Chooses this database's stores.</summary>
    public void Use(UserTypesBuilder builder)
    {
        _ = Kind switch
        {
            StoreKind.Sqlite => builder.AddSqliteStores(ConnectionString!),
            StoreKind.PostgreSql => builder.AddPostgreSqlStores(ConnectionString!),
            _ => builder.AddInMemoryStores(),
        };
    }

    public void Dispose()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(path);
            }
        }

        if (_postgresSchema is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Admin(PostgresServer!, $"DROP SCHEMA IF EXISTS {_postgresSchema} CASCADE");
        }
    }

    /// <summary>Runs statements straight against the database.</summary>
    public void Execute(string sql) => Count(sql + "; SELECT 0");

    /// <summary>Runs a query that returns one number, straight against the database.</summary>
    public long Count(string sql)
    {
        using System.Data.Common.DbConnection connection = Kind == StoreKind.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Admin(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
