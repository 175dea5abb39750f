using System.Net;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UserTypes.Benchmarks.Sessions;

/// <summary>
/// A request carrying a session cookie when nothing changed, sent through the whole ASP.NET Core pipeline (TestServer:
/// cookie read and decrypted, authorization, an endpoint). Goal: the session check costs well under 1 µs and no store
/// round trip. Baseline: the same request on a cookie scheme without <c>UseUserTypesValidation()</c>.
/// <see cref="CheckOnly"/> is the check alone, on the principal the cookie restores.
/// </summary>
[MemoryDiagnoser]
public class SessionValidationBenchmarks
{
    private const string Workspace = "bench";
    private const string Password = "correct horse battery staple";

    private Host _plain = null!;
    private Host _validated = null!;
    private ClaimsPrincipal _principal = null!;
    private IUserSessions _sessions = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _plain = await Host.StartAsync(validate: false);
        _validated = await Host.StartAsync(validate: true);
        _sessions = _validated.App.Services.GetRequiredService<IUserSessions>();
        _principal = (await _sessions.StartAsync(await _validated.App.Services.GetRequiredService<IAuthenticator>()
            .AuthenticateAsync(Workspace, new PasswordCredentials("staff", Password), ClientKind.WebApplication))).ToClaimsPrincipal();
        if ((await _sessions.ValidateAsync(_principal)).State != SessionState.Current)
        {
            throw new InvalidOperationException("The benchmark's session is not current.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _plain.App.DisposeAsync();
        await _validated.App.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<HttpStatusCode> WithoutValidation() => _plain.MeAsync();

    [Benchmark]
    public Task<HttpStatusCode> WithValidation() => _validated.MeAsync();

    [Benchmark]
    public ValueTask<SessionValidation> CheckOnly() => _sessions.ValidateAsync(_principal);

    // A host with one signed-in user, and the cookie of its session.
    private sealed record Host(WebApplication App, HttpClient Client, string Cookie)
    {
        public static async Task<Host> StartAsync(bool validate)
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            builder.Services.AddUserTypes(o =>
            {
                o.Mail.Enabled = false;
                o.Password.WorkFactor = 4;
            }).AddInMemoryStores();
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
            {
                if (validate)
                {
                    o.UseUserTypesValidation();
                }
            });
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapPost("/login", async (HttpContext context) => (await context.SignInWebUserAsync(Workspace, new PasswordCredentials("staff", Password))).UserName);
            app.MapGet("/me", (HttpContext context) => context.User.Identity!.Name).RequireAuthorization();
            await app.StartAsync();
            await app.Services.GetRequiredService<IWorkspaceDirectory>().CreateAsync(Workspace, "owner@softr.io");
            await app.Services.GetRequiredService<IUserDirectory>().CreateInternalUserAsync(Workspace, "staff", "staff@softr.io", Password);
            var client = app.GetTestClient();
            var login = await client.PostAsync("/login", null);
            var host = new Host(app, client, login.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
            if (await host.MeAsync() != HttpStatusCode.OK)
            {
                throw new InvalidOperationException("The benchmark's cookie does not open /me.");
            }

            return host;
        }

        public async Task<HttpStatusCode> MeAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
            request.Headers.Add("Cookie", Cookie);
            using var response = await Client.SendAsync(request);
            return response.StatusCode;
        }
    }
}
