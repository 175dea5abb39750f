using BenchmarkDotNet.Attributes;

namespace UserTypes.Benchmarks.Stores;

/// <summary>
/// Creating an account through the seat gate, hashing excluded (the hash is made once). Goals: at least 2,000 per
/// second on SQLite (at most 500 µs each) and 1,000 per second on PostgreSQL over loopback (at most 1 ms); the
/// in-memory store is the baseline.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class CreateAccountBenchmarks
{
    private readonly Dictionary<string, BenchmarkDatabase> _databases = [];
    private long _next;

    [GlobalSetup(Target = nameof(InMemory))]
    public void SetupInMemory() => _databases["InMemory"] = new BenchmarkDatabase("InMemory");

    [GlobalSetup(Target = nameof(Sqlite))]
    public void SetupSqlite() => _databases["Sqlite"] = new BenchmarkDatabase("Sqlite");

    [GlobalSetup(Target = nameof(PostgreSql))]
    public void SetupPostgreSql() => _databases["PostgreSql"] = new BenchmarkDatabase("PostgreSql");

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var database in _databases.Values)
        {
            database.Dispose();
        }
    }

    [Benchmark(Baseline = true)]
    public Task<UserStoreResult> InMemory() => Create("InMemory");

    [Benchmark]
    public Task<UserStoreResult> Sqlite() => Create("Sqlite");

    [Benchmark]
    public Task<UserStoreResult> PostgreSql() => Create("PostgreSql");

    private Task<UserStoreResult> Create(string store)
    {
        var n = Interlocked.Increment(ref _next);
        return _databases[store].Users.CreateAsync(
            BenchmarkAccounts.External($"u{n}", n),
            seatLimit: int.MaxValue,
            consumedTokenId: null,
            [],
            CancellationToken.None);
    }
}
