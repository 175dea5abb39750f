using BenchmarkDotNet.Attributes;

namespace UserTypes.Benchmarks.Authentication;

/// <summary>
/// A call without credentials. Goal: at most 1 µs when cached, no hash computed. Baseline: the same call with the
/// cache dropped first (as a change of the anonymous account drops it), so the account is read and its rights
/// evaluated every time.
/// </summary>
[MemoryDiagnoser]
public class ImplicitAnonymousBenchmarks
{
    private AuthenticationHost _host = null!;

    [GlobalSetup]
    public void Setup() => _host = new AuthenticationHost(workFactor: 10);

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark(Baseline = true)]
    public Task<AuthenticatedUser> Uncached()
    {
        _host.Changes.AccountChanged(AuthenticationHost.Workspace, _host.AnonymousUserId);
        return _host.Authenticator.AuthenticateAsync(AuthenticationHost.Workspace, null, ClientKind.ServiceAgent);
    }

    [Benchmark]
    public Task<AuthenticatedUser> Cached() => _host.Authenticator.AuthenticateAsync(AuthenticationHost.Workspace, null, ClientKind.ServiceAgent);
}
