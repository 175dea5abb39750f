using BenchmarkDotNet.Attributes;

namespace UserTypes.Benchmarks.Authentication;

/// <summary>
/// A service agent's repeated call, at work factor 10. Goals: an API key is verified in at most 2 µs and allocates
/// nothing after warm-up; a Basic password verified once is remembered, so a repeated call costs microseconds, not a
/// BCrypt verification. Baseline: the cached anonymous call, the cheapest authentication there is.
/// <see cref="BasicNotRemembered"/> is the same Basic call with the cache off, as every call cost before.
/// </summary>
[MemoryDiagnoser]
public class ServiceCallBenchmarks
{
    private static readonly PasswordCredentials Staff = new("staff", AuthenticationHost.Password);

    private AuthenticationHost _host = null!;
    private AuthenticationHost _uncached = null!;
    private string _key = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _host = new AuthenticationHost(workFactor: 10);
        _uncached = new AuthenticationHost(workFactor: 10, rememberPasswords: false);
        _key = await _host.CreateApiKeyAsync();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        _uncached.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<AuthenticatedUser> Anonymous() => _host.Authenticator.AuthenticateAsync(AuthenticationHost.Workspace, null, ClientKind.ServiceAgent);

    [Benchmark]
    public ValueTask<AuthenticatedUser> ApiKey() => _host.Authenticator.AuthenticateApiKeyAsync(AuthenticationHost.Workspace, _key);

    [Benchmark]
    public Task<AuthenticatedUser> BasicRemembered() => _host.Authenticator.AuthenticateAsync(AuthenticationHost.Workspace, Staff, ClientKind.ServiceAgent);

    [Benchmark]
    public Task<AuthenticatedUser> BasicNotRemembered() => _uncached.Authenticator.AuthenticateAsync(AuthenticationHost.Workspace, Staff, ClientKind.ServiceAgent);
}
