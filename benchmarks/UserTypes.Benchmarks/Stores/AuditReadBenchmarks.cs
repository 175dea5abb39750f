using BenchmarkDotNet.Attributes;

namespace UserTypes.Benchmarks.Stores;

/// <summary>
/// What the trail's single index costs a read: the newest page of a workspace's 100,000 entries (the baseline) against
/// the newest page of one account's entries, for an account with entries at both ends of the trail (found at once) and
/// for one whose only entry is the oldest (the whole workspace's index is read to find it). The trail keeps no index
/// by account, because each would cost every audited write a page (<see cref="AuditedWriteBenchmarks"/>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class AuditReadBenchmarks
{
    private const int Entries = 100_000;

    private BenchmarkDatabase _database = null!;

    [Params("Sqlite", "PostgreSql")]
    public string Store { get; set; } = "Sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _database = new BenchmarkDatabase(Store);
        _database.InsertAuditEntries(Entries);
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(Baseline = true)]
    public Task<AuditPage> NewestPage() => Read(subject: null);

    [Benchmark]
    public Task<AuditPage> NewestPageOfABusyAccount() => Read(BenchmarkDatabase.BusyAuditSubject);

    [Benchmark]
    public Task<AuditPage> NewestPageOfAnAccountSeenOnceLongAgo() => Read(BenchmarkDatabase.RareAuditSubject);

    private Task<AuditPage> Read(string? subject) =>
        _database.AuditLog.ReadAsync("bench", new AuditQuery { Descending = true, PageSize = 50, SubjectUserId = subject });
}
