using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace UserTypes.Tests.Federation.Harness;

/// <summary>
/// The application that signs people in with the <see cref="TestIdentityProvider"/>s: cookie authentication plus one
/// OpenID Connect scheme per provider (code flow, PKCE, form_post), on a <see cref="TestServer"/> at
/// <see cref="BaseAddress"/>. <c>GET /login/{scheme}?workspace=w&amp;login_hint=h</c> starts a sign-in that comes back to
/// <c>/me</c> (for workspace w, through <c>ChallengeFederatedAsync</c>, and as the person h when the provider knows that
/// hint), <c>GET /me</c> answers the signed-in principal's claims as JSON, or 401, and <c>/link</c> is the link page of
/// UserTypes' federated sign-in.
/// </summary>
internal sealed class TestRelyingParty : IAsyncDisposable
{
    /// <summary>The item of the sign-in's protected properties that carries the workspace.</summary>
    public const string WorkspaceItem = UserTypesFederatedHttpContextExtensions.WorkspaceItem;

    public const string MePath = "/me";

    public const string LinkPath = "/link";

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
        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie => options.ConfigureCookie?.Invoke(cookie));
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
                    // The login page's hint, passed on as an application passes the name a person typed.
                    OnRedirectToIdentityProvider = context =>
                    {
                        if (context.Request.Query["login_hint"] is [{ Length: > 0 } hint])
                        {
                            context.ProtocolMessage.LoginHint = hint;
                        }

                        return Task.CompletedTask;
                    },
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
        _app.MapGet("/login/{scheme}", (string scheme, string? workspace, HttpContext context) => workspace is null
            ? context.ChallengeAsync(scheme, new AuthenticationProperties { RedirectUri = MePath })
            : context.ChallengeFederatedAsync(scheme, workspace, MePath));

        // The link page: what is pending (for the page to show), and the account's password to link it with. A real
        // page also checks an antiforgery token; this one is posted by tests only.
        _app.MapGet(LinkPath, (HttpContext context) => context.GetPendingFederatedLink() is { } pending ? Results.Json(pending) : Results.NotFound());
        _app.MapPost(LinkPath, async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            try
            {
                return await context.LinkFederatedIdentityAsync(new PasswordCredentials(form["user"].ToString(), form["password"].ToString())) is null
                    ? Results.StatusCode(StatusCodes.Status403Forbidden)
                    : Results.Redirect(MePath);
            }
            catch (AuthenticationFailedException)
            {
                return Results.Unauthorized();
            }
        });

        // A 401 rather than a challenge: a look at /me never starts a sign-in of its own.
        _app.MapGet(MePath, (ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
            ? Results.Json(user.Claims.Select(claim => new { claim.Type, claim.Value, claim.ValueType, claim.Issuer }))
            : Results.Unauthorized());
    }

    public TestServer Server => _app.GetTestServer();

    /// <summary>
    /// UserTypes as the federated tests run it: external users allowed, cheap hashing, in-memory stores, and no mail
    /// (a federated account has no password to reset).
    /// </summary>
    /// <param name="services">The application's services.</param>
    public static void AddInMemoryUserTypes(IServiceCollection services) => services.AddUserTypes(userTypes =>
    {
        userTypes.ExternalUsers.Enabled = true;
        userTypes.Password.WorkFactor = 4;
        userTypes.Mail.Enabled = false;
    }).AddInMemoryStores();

    /// <summary>The application's services, where a test reaches what <see cref="TestRelyingPartyOptions.ConfigureServices"/> registered.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The raw ID tokens the relying party validated, in order.</summary>
    public IReadOnlyCollection<string> IdTokens => _idTokens;

    /// <summary>The redirect URI of <paramref name="scheme"/>, where the provider posts the code back.</summary>
    public static Uri CallbackUri(string scheme) => new(BaseAddress, $"/signin-oidc-{scheme}");

    /// <summary>
    /// The URL that starts a sign-in with <paramref name="scheme"/>, for <paramref name="workspace"/> when one is given,
    /// as the person the provider knows by <paramref name="loginHint"/> when one is given.
    /// </summary>
    public static Uri LoginUri(string scheme, string? workspace = null, string? loginHint = null)
    {
        var query = new Dictionary<string, string?> { ["workspace"] = workspace, ["login_hint"] = loginHint }.Where(parameter => parameter.Value is not null);
        return new Uri(QueryHelpers.AddQueryString(new Uri(BaseAddress, $"/login/{scheme}").AbsoluteUri, query));
    }

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
