using BenchmarkDotNet.Attributes;

namespace UserTypes.Benchmarks.Stores;

/// <summary>
/// Listing a workspace of 100,000 accounts 50 at a time through <see cref="IUserDirectory.ListUsersAsync"/>. Goal:
/// keyset paging, so the thousandth page costs what the first does (Ratio about 1), on SQLite and PostgreSQL.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class ListUsersBenchmarks
{
    private const int Accounts = 100_000;
    private const int PageSize = 50;

    private BenchmarkDatabase _database = null!;
    private string _thousandthPageToken = null!;

    [Params("Sqlite", "PostgreSql")]
    public string Store { get; set; } = "Sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _database = new BenchmarkDatabase(Store);
        _database.InsertAccounts(Accounts);
        string? token = null;
        for (var page = 1; page < 1000; page++)
        {
            token = _database.Directory.ListUsersAsync("bench", new UserQuery { PageSize = PageSize, ContinuationToken = token }).GetAwaiter().GetResult().ContinuationToken;
        }

        _thousandthPageToken = token!;
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(Baseline = true)]
    public Task<UserPage> FirstPage() => _database.Directory.ListUsersAsync("bench", new UserQuery { PageSize = PageSize });

    [Benchmark]
    public Task<UserPage> ThousandthPage() => _database.Directory.ListUsersAsync("bench", new UserQuery { PageSize = PageSize, ContinuationToken = _thousandthPageToken });
}
