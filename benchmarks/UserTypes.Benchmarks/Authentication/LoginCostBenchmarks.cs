using BenchmarkDotNet.Attributes;
using UserTypes.Benchmarks.Stores;

namespace UserTypes.Benchmarks.Authentication;

/// <summary>
/// Sixteen logins at once, every one of them failing, on each store, at work factor 8 (cheap enough for the store's
/// share to show). Goal: a wrong password for a user that exists costs what an unknown user name costs, ratio 0.9
/// to 1.1 on every store, so the time of an answer does not tell who exists. Both do one lookup, one reservation in
/// the lockout store and one BCrypt verification; the unknown user is the baseline.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class LoginCostBenchmarks
{
    private const int Parallel = 16;

    private BenchmarkDatabase _database = null!;

    [Params("InMemory", "Sqlite", "PostgreSql")]
    public string Store { get; set; } = "InMemory";

    [GlobalSetup]
    public void Setup()
    {
        _database = new BenchmarkDatabase(Store, configure: o =>
        {
            o.Password.WorkFactor = 8;
            o.Lockout.MaxFailedAttempts = 1000;
        });
        for (var i = 0; i < Parallel; i++)
        {
            _database.Directory.CreateInternalUserAsync("bench", $"staff{i}", $"staff{i}@company0.example", "correct horse battery staple").GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(Baseline = true)]
    public Task<int> UnknownUsers() => FailAllAsync("nobody");

    [Benchmark]
    public Task<int> WrongPasswords() => FailAllAsync("staff");

    // Each name is tried by one caller at a time, so both runs keep one record per name in the lockout store.
    private async Task<int> FailAllAsync(string prefix)
    {
        var failures = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => Task.Run(async () =>
        {
            try
            {
                await _database.Authenticator.AuthenticateAsync("bench", new PasswordCredentials($"{prefix}{i}", "wrong password"), ClientKind.ServiceAgent);
                return 0;
            }
            catch (AuthenticationFailedException)
            {
                return 1;
            }
        })));
        return failures.Sum();
    }
}
