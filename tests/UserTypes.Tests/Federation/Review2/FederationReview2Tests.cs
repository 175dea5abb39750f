using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using UserTypes.AspNetCore;
using UserTypes.Sample.DemoProvider;
using UserTypes.Tests.Federation.Harness;
using UserTypes.Tests.Sample;

namespace UserTypes.Tests.Federation.Review2;

/// <summary>
/// Second security review of federated sign-in (the mends of 635e24e and the sample's federation). Each test asserts
/// the behaviour a secure implementation has: a failing one is a confirmed finding; passing ones are kept as evidence
/// for the "sound" list of the report.
/// </summary>
public sealed class FederationReview2Tests
{
    private const string Workspace = "acme";
    private const string Issuer = "https://idp-generic.example/";

    // FINDING (low). With inbound claim mapping on (the handler's default), both "sub" and "nameid" become
    // ClaimTypes.NameIdentifier under the token's issuer; FederatedClaims takes the first in payload order. A token
    // whose payload carries a "nameid" before "sub" (ADFS-style or a custom claim an IdP admin or mapper adds) keys the
    // identity on "nameid" instead of the OpenID Connect subject.
    [Test]
    public async Task TheSubject_IsTheTokensSub_EvenWhenAnotherClaimMapsToNameIdentifier()
    {
        var handler = new JsonWebTokenHandler { MapInboundClaims = true };
        var key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = "app",
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                ["nameid"] = "someone@softr.io",
                ["sub"] = "stable-subject-1",
                ["email"] = "someone@softr.io",
                ["email_verified"] = true,
            },
        });
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters { ValidIssuer = Issuer, ValidAudience = "app", IssuerSigningKey = key });
        result.IsValid.Should().BeTrue(result.Exception?.Message);

        var identity = FederatedClaims.Read(new ClaimsPrincipal(result.ClaimsIdentity), "generic");

        identity!.Issuer.Should().Be(Issuer);
        identity.Subject.Should().Be("stable-subject-1", "the OpenID Connect subject is the token's sub, not any claim that maps to NameIdentifier");
    }

    // SOUND. A refusal whose OnRemoteFailure skips: the ticket context is skipped too, and the remote handler then
    // returns without signing anything in (RemoteAuthenticationHandler.HandleRequestAsync: Result.Skipped => return false).
    [Test]
    public async Task ARefusal_WhoseRemoteFailureSkips_SkipsTheTicket_AndKeepsNoUserTypesPrincipal()
    {
        await using var provider = await ServicesAsync();
        var options = new OpenIdConnectOptions();
        options.Events.OnRemoteFailure = context =>
        {
            context.SkipHandler();
            return Task.CompletedTask;
        };
        var context = Ticket(provider, options, "https://untrusted.example/");

        await context.SignInFederatedUserAsync("/link");

        context.Result.Should().NotBeNull();
        context.Result!.Skipped.Should().BeTrue();
        context.Principal!.FindFirst(UserTypesClaimTypes.WorkspaceId).Should().BeNull();
    }

    // SOUND. EventsType is honoured: the refusal reaches the OnRemoteFailure of the events the handler resolves from DI.
    [Test]
    public async Task ARefusal_ReachesTheRemoteFailureOfTheEventsType()
    {
        await using var provider = await ServicesAsync(services => services.AddScoped<HandlingEvents>());
        var options = new OpenIdConnectOptions { EventsType = typeof(HandlingEvents) };
        var context = Ticket(provider, options, "https://untrusted.example/");

        await context.SignInFederatedUserAsync("/link");

        context.Result!.Handled.Should().BeTrue();
        context.HttpContext.Response.StatusCode.Should().Be(StatusCodes.Status418ImATeapot);
    }

    // SOUND (fails closed). A ClaimsIssuer customised to the provider's real issuer (a common habit) makes the user-info
    // claims indistinguishable from the token's: no subject is accepted at all, so the sign-in is refused, never misread.
    [Test]
    public void AClaimsIssuerEqualToTheTokensIssuer_FailsClosed()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "alice-1", ClaimValueTypes.String, Issuer)], "AuthenticationTypes.Federation"));

        FederatedClaims.Read(principal, Issuer).Should().BeNull();
    }

    // FINDING (medium, sample). The demo identity provider signs in whoever is typed, with DomainAuthority over the demo
    // workspace's internal domain. Its only guard is that the server *listens* on loopback; it never looks at who is
    // asking. Enabled by its setting in Production (allowed) or by a Development environment left on, and fronted by a
    // reverse proxy on the same machine (nginx -> http://127.0.0.1:PORT, IIS out-of-process/ANCM, a sidecar), it answers
    // the internet: a request with a public Host and a forwarded client address is served the provider.
    [Test]
    [CancelAfter(120_000)]
    public async Task TheDemoProvider_TurnedOnInProduction_StopsTheSampleAtStart(CancellationToken cancellationToken)
    {
        var start = () => SampleProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                [DemoIdentityProvider.Setting.Replace(":", "__", StringComparison.Ordinal)] = "true",
            },
            cancellationToken);

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain(DemoIdentityProvider.Setting);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task TheDemoProvider_InDevelopment_DoesNotAnswer_ARequestForwardedByAProxy(CancellationToken cancellationToken)
    {
        await using var sample = await SampleProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                [DemoIdentityProvider.Setting.Replace(":", "__", StringComparison.Ordinal)] = "true",
            },
            cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

        // As a proxy on the same machine forwards a visitor's request: from loopback, with the visitor in the headers.
        HttpRequestMessage Forwarded(string path, string header, string value)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(sample.Address, path));
            request.Headers.Host = "app.acme.example";
            request.Headers.Add(header, value);
            return request;
        }

        var discoveryPath = $"{DemoIdentityProvider.PathBase}/.well-known/openid-configuration";
        foreach (var (header, value) in new[] { ("X-Forwarded-For", "203.0.113.7"), ("Forwarded", "for=203.0.113.7"), ("X-Real-IP", "203.0.113.7") })
        {
            using var forwarded = await http.SendAsync(Forwarded(discoveryPath, header, value), cancellationToken);
            forwarded.StatusCode.Should().Be(HttpStatusCode.NotFound, $"a stand-in that signs in anyone answers no request a proxy forwarded ({header})");
            using var callback = await http.SendAsync(Forwarded(DemoIdentityProvider.CallbackPath, header, value), cancellationToken);
            callback.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        using var local = await http.GetAsync(new Uri(sample.Address, discoveryPath), cancellationToken);
        local.StatusCode.Should().Be(HttpStatusCode.OK, "the developer's own browser still reaches it");
    }

    private sealed class HandlingEvents : OpenIdConnectEvents
    {
        public override Task RemoteFailure(RemoteFailureContext context)
        {
            context.Response.StatusCode = StatusCodes.Status418ImATeapot;
            context.HandleResponse();
            return Task.CompletedTask;
        }
    }

    private static Task<ServiceProvider> ServicesAsync(Action<IServiceCollection>? configure = null) =>
        FederatedServices.BuildAsync(Workspace, Issuer, configure: configure);

    private static TicketReceivedContext Ticket(ServiceProvider provider, OpenIdConnectOptions options, string issuer)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "mallory-1", ClaimValueTypes.String, issuer),
                new Claim(ClaimTypes.Email, "mallory@evil.example", ClaimValueTypes.String, issuer),
            ],
            "AuthenticationTypes.Federation");
        var properties = new AuthenticationProperties();
        properties.Items[UserTypesFederatedHttpContextExtensions.WorkspaceItem] = Workspace;
        var http = new DefaultHttpContext { RequestServices = provider.CreateScope().ServiceProvider };
        return new TicketReceivedContext(
            http, new AuthenticationScheme("generic", null, typeof(OpenIdConnectHandler)), options, new AuthenticationTicket(new ClaimsPrincipal(identity), properties, "generic"));
    }
}
