using BenchmarkDotNet.Attributes;

namespace UserTypes.Benchmarks.Stores;

/// <summary>
/// Loading and compiling the classification lookup of a workspace with 10,000 collaborators, as a cache miss does.
/// Goal: at most 100 ms from either database; the in-memory store is the baseline.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class LoadLookupBenchmarks
{
    private const int Collaborators = 10_000;

    private readonly Dictionary<string, BenchmarkDatabase> _databases = [];

    [GlobalSetup(Target = nameof(InMemory))]
    public void SetupInMemory() => _databases["InMemory"] = new BenchmarkDatabase("InMemory", Collaborators);

    [GlobalSetup(Target = nameof(Sqlite))]
    public void SetupSqlite() => _databases["Sqlite"] = new BenchmarkDatabase("Sqlite", Collaborators);

    [GlobalSetup(Target = nameof(PostgreSql))]
    public void SetupPostgreSql() => _databases["PostgreSql"] = new BenchmarkDatabase("PostgreSql", Collaborators);

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var database in _databases.Values)
        {
            database.Dispose();
        }
    }

    [Benchmark(Baseline = true)]
    public Task<WorkspaceRecord> InMemory() => Load("InMemory");

    [Benchmark]
    public Task<WorkspaceRecord> Sqlite() => Load("Sqlite");

    [Benchmark]
    public Task<WorkspaceRecord> PostgreSql() => Load("PostgreSql");

    // Read from the store and compiled, as a cache miss does; the snapshot is returned so nothing is optimised away.
    private async Task<WorkspaceRecord> Load(string store) =>
        (await _databases[store].Cache.ReloadAsync("bench", CancellationToken.None)).Workspace;
}
