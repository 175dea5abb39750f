using BenchmarkDotNet.Attributes;

namespace UserTypes.Benchmarks.Stores;

/// <summary>
/// What the audit trail adds to a write: creating an account through the seat gate with the one entry the directory
/// hands the store, against the same write with none (the baseline, today's write), on each relational store. Goal:
/// at most 10 % more (Ratio at most 1.10).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 5, iterationCount: 40)]
public class AuditedWriteBenchmarks
{
    private BenchmarkDatabase _database = null!;
    private long _next;

    [Params("Sqlite", "PostgreSql")]
    public string Store { get; set; } = "Sqlite";

    [GlobalSetup]
    public void Setup() => _database = new BenchmarkDatabase(Store);

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(Baseline = true)]
    public Task<UserStoreResult> Unaudited() => Create(audited: false);

    [Benchmark]
    public Task<UserStoreResult> Audited() => Create(audited: true);

    private Task<UserStoreResult> Create(bool audited)
    {
        var n = Interlocked.Increment(ref _next);
        var id = $"u{n}";
        AuditEntry[] audit = audited
            ? [new AuditEntry { WorkspaceId = "bench", At = DateTimeOffset.UtcNow, ActorUserId = "admin", Action = AuditActions.UserCreated, SubjectUserId = id, Summary = $"Account {id} created: external, assigned." }]
            : [];
        return _database.Users.CreateAsync(
            BenchmarkAccounts.External(id, n),
            seatLimit: int.MaxValue,
            consumedTokenId: null,
            audit,
            CancellationToken.None);
    }
}
