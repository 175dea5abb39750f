using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UserTypes.Benchmarks.Sessions;

/// <summary>
/// A request carrying a session cookie, authenticated by the cookie scheme, when nothing changed. Goal: the session
/// check costs well under 1 µs and no store round trip. Baseline: the same request on a cookie scheme without
/// <c>UseUserTypesValidation()</c> (decrypting and reading the cookie is most of it). <see cref="CheckOnly"/> is the
/// check alone, on the principal the cookie restores.
/// </summary>
[MemoryDiagnoser]
public class SessionValidationBenchmarks
{
    private const string Workspace = "bench";
    private const string Password = "correct horse battery staple";

    private ServiceProvider _plain = null!;
    private ServiceProvider _validated = null!;
    private string _plainCookie = null!;
    private string _validatedCookie = null!;
    private ClaimsPrincipal _principal = null!;
    private IUserSessions _sessions = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_plain, _plainCookie) = Start(validate: false);
        (_validated, _validatedCookie) = Start(validate: true);
        _sessions = _validated.GetRequiredService<IUserSessions>();
        _principal = AuthenticateAsync(_validated, _validatedCookie).GetAwaiter().GetResult().Principal!;
        if (_sessions.ValidateAsync(_principal).AsTask().GetAwaiter().GetResult().State != SessionState.Current)
        {
            throw new InvalidOperationException("The benchmark's session is not current.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _validated.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<AuthenticateResult> WithoutValidation() => AuthenticateAsync(_plain, _plainCookie);

    [Benchmark]
    public Task<AuthenticateResult> WithValidation() => AuthenticateAsync(_validated, _validatedCookie);

    [Benchmark]
    public ValueTask<SessionValidation> CheckOnly() => _sessions.ValidateAsync(_principal);

    private static Task<AuthenticateResult> AuthenticateAsync(IServiceProvider services, string cookie)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Headers.Cookie = cookie;
        return context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    // A host with one signed-in user: its services and the cookie its sign-in wrote.
    private static (ServiceProvider Services, string Cookie) Start(bool validate)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddUserTypes(o =>
        {
            o.Mail.Enabled = false;
            o.Password.WorkFactor = 4;
        }).AddInMemoryStores();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            if (validate)
            {
                o.UseUserTypesValidation();
            }
        });
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IWorkspaceDirectory>().CreateAsync(Workspace, "owner@softr.io").GetAwaiter().GetResult();
        provider.GetRequiredService<IUserDirectory>().CreateInternalUserAsync(Workspace, "staff", "staff@softr.io", Password).GetAwaiter().GetResult();
        var signIn = new DefaultHttpContext { RequestServices = provider };
        signIn.SignInWebUserAsync(Workspace, new PasswordCredentials("staff", Password)).GetAwaiter().GetResult();
        var cookie = signIn.Response.Headers.SetCookie.ToString().Split(';')[0];
        return (provider, cookie);
    }
}
