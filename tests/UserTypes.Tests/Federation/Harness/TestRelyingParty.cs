using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace UserTypes.Tests.Federation.Harness;

/// <summary>
/// The application that signs people in with the <see cref="TestIdentityProvider"/>s: cookie authentication plus one
/// OpenID Connect scheme per provider (code flow, PKCE, form_post), on a <see cref="TestServer"/> at
/// <see cref="BaseAddress"/>. <c>GET /login/{scheme}?workspace=w</c> starts a sign-in that comes back to <c>/me</c>, and
/// <c>GET /me</c> answers the signed-in principal's claims as JSON, or 401.
/// </summary>
internal sealed class TestRelyingParty : IAsyncDisposable
{
    public const string WorkspaceItem = "workspace";

    public const string MePath = "/me";

    public static readonly Uri BaseAddress = new("https://app.example/");

    private readonly WebApplication _app;
    private readonly List<HttpClient> _backchannels = [];
    private readonly ConcurrentQueue<string> _idTokens = new();

    private TestRelyingParty(TestRelyingPartyOptions options)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseTestServer(server => server.BaseAddress = BaseAddress);
        builder.Services.AddRouting();

        // Keys in memory: nothing written under the home folder, and a cookie or state from one test means nothing to
        // another test's relying party.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        foreach (var (scheme, provider, client) in options.Providers)
        {
            var backchannel = provider.CreateBackchannel();
            _backchannels.Add(backchannel);
            authentication.AddOpenIdConnect(scheme, oidc =>
            {
                oidc.Authority = provider.Issuer.AbsoluteUri;
                oidc.ClientId = client.ClientId;
                oidc.ClientSecret = client.ClientSecret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.ResponseMode = OpenIdConnectResponseMode.FormPost;
                oidc.UsePkce = true;
                oidc.Scope.Add(OpenIdConnectScope.Email);
                oidc.MapInboundClaims = options.MapInboundClaims;

                // Discovery, the key set and the token request go to the provider's in-memory server. Every https
                // requirement of the handler stays on: those URLs are https.
                oidc.Backchannel = backchannel;

                // Each scheme needs paths of its own, as in an application with several providers.
                oidc.CallbackPath = CallbackUri(scheme).AbsolutePath;
                oidc.SignedOutCallbackPath = $"/signout-callback-oidc-{scheme}";
                oidc.RemoteSignOutPath = $"/signout-oidc-{scheme}";
                oidc.Events = new OpenIdConnectEvents
                {
                    OnTokenValidated = context =>
                    {
                        _idTokens.Enqueue(context.SecurityToken.RawData);
                        return Task.CompletedTask;
                    },
                    OnTicketReceived = context => options.OnTicketReceived?.Invoke(context) ?? Task.CompletedTask,

                    // A page, as an application shows one, rather than the exception TestServer would throw at the
                    // browser's call.
                    OnRemoteFailure = async context =>
                    {
                        context.HandleResponse();
                        context.Response.StatusCode = StatusCodes.Status400BadRequest;
                        await context.Response.WriteAsync($"Sign-in failed: {context.Failure?.Message}");
                    },
                };
            });
        }

        options.ConfigureServices?.Invoke(builder.Services);
        _app = builder.Build();
        _app.UseAuthentication();
        options.ConfigureApp?.Invoke(_app);
        _app.MapGet("/login/{scheme}", (string scheme, string? workspace) =>
        {
            var properties = new AuthenticationProperties { RedirectUri = MePath };
            if (workspace is not null)
            {
                properties.Items[WorkspaceItem] = workspace;
            }

            return Results.Challenge(properties, [scheme]);
        });

        // A 401 rather than a challenge: a look at /me never starts a sign-in of its own.
        _app.MapGet(MePath, (ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
            ? Results.Json(user.Claims.Select(claim => new { claim.Type, claim.Value, claim.ValueType, claim.Issuer }))
            : Results.Unauthorized());
    }

    public TestServer Server => _app.GetTestServer();

    /// <summary>The application's services, where a test reaches what <see cref="TestRelyingPartyOptions.ConfigureServices"/> registered.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The raw ID tokens the relying party validated, in order.</summary>
    public IReadOnlyCollection<string> IdTokens => _idTokens;

    /// <summary>The redirect URI of <paramref name="scheme"/>, where the provider posts the code back.</summary>
    public static Uri CallbackUri(string scheme) => new(BaseAddress, $"/signin-oidc-{scheme}");

    /// <summary>The URL that starts a sign-in with <paramref name="scheme"/>, for <paramref name="workspace"/> when one is given.</summary>
    public static Uri LoginUri(string scheme, string? workspace = null) =>
        new(BaseAddress, workspace is null ? $"/login/{scheme}" : $"/login/{scheme}?workspace={Uri.EscapeDataString(workspace)}");

    /// <summary>Starts a relying party; it registers itself as a client of each of its providers.</summary>
    public static async Task<TestRelyingParty> StartAsync(Action<TestRelyingPartyOptions> configure)
    {
        var options = new TestRelyingPartyOptions();
        configure(options);
        foreach (var (_, provider, client) in options.Providers)
        {
            provider.Register(client);
        }

        var relyingParty = new TestRelyingParty(options);
        await relyingParty._app.StartAsync();
        return relyingParty;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        foreach (var backchannel in _backchannels)
        {
            backchannel.Dispose();
        }
    }
}
