using BenchmarkDotNet.Attributes;

namespace UserTypes.Benchmarks.Authentication;

/// <summary>
/// A password login against the bare BCrypt verification it is built on, at work factor 10. Goals: a login costs at
/// most 2% more than the verification; an unknown user costs the same as a wrong password (ratio 0.9 to 1.1).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 20)]
public class PasswordLoginBenchmarks
{
    private AuthenticationHost _host = null!;
    private string _bcryptHash = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = new AuthenticationHost(workFactor: 10);

        // The stored hash without its "$nfkc" mark: what BCrypt itself reads.
        _bcryptHash = _host.StoredHash[_host.StoredHash.IndexOf("$2", StringComparison.Ordinal)..];
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark(Baseline = true)]
    public bool BareBCryptVerify() => BCrypt.Net.BCrypt.EnhancedVerify(AuthenticationHost.Password, _bcryptHash, BCrypt.Net.HashType.SHA384);

    [Benchmark]
    public Task<bool> Login() => _host.TryAsync("staff", AuthenticationHost.Password);

    [Benchmark]
    public Task<bool> WrongPassword() => _host.TryAsync("staff", "wrong password");

    [Benchmark]
    public Task<bool> UnknownUser() => _host.TryAsync("nobody", "wrong password");
}
