using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UserTypes.Tests.Federation.Harness;

/// <summary>
/// The federation harness does what the federated sign-in tests will lean on: a whole sign-in through the browser, the
/// claims as each kind of provider sends them, and the refusals of a provider and of the relying party.
/// </summary>
public sealed class HarnessTests
{
    private const string Generic = "generic";

    [Test]
    public async Task ASignIn_WithTheGenericProvider_EndsAtMe_AndTheTicketCarriesTheIssuerTheClaimsAndTheWorkspace()
    {
        await using var provider = await TestIdentityProvider.StartAsync(TestIssuers.Generic);
        provider.SignInAs(new TestPerson("alice-1", "alice@example.com", new Dictionary<string, object> { ["email_verified"] = true }));
        var tickets = new List<Ticket>();
        await using var app = await TestRelyingParty.StartAsync(options => options.AddProvider(Generic, provider).OnTicketReceived = Record(tickets));
        using var browser = new TestBrowser(app.Server, provider.Server);

        using var response = await browser.NavigateAsync(TestRelyingParty.LoginUri(Generic, "w1"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        browser.History.Select(request => (request.Method.Method, request.Uri.GetLeftPart(UriPartial.Path))).Should().Equal(
            ("GET", "https://app.example/login/generic"),
            ("GET", "https://idp-generic.example/connect/authorize"),
            ("POST", "https://app.example/signin-oidc-generic"),
            ("GET", "https://app.example/me"));
        var ticket = tickets.Should().ContainSingle().Subject;
        ticket.Scheme.Should().Be(Generic);
        ticket.Properties.Items.Should().Contain(TestRelyingParty.WorkspaceItem, "w1");
        var subject = ticket.Principal.FindFirst(ClaimTypes.NameIdentifier)!;
        subject.Value.Should().Be("alice-1");
        subject.Issuer.Should().Be("https://idp-generic.example/");
        ticket.Principal.FindFirst(ClaimTypes.Email)!.Value.Should().Be("alice@example.com");
        var verified = ticket.Principal.FindFirst("email_verified")!;
        (verified.Value, verified.ValueType).Should().Be(("true", ClaimValueTypes.Boolean));

        using var idToken = IdTokenPayload(app);
        idToken.RootElement.GetProperty("iss").GetString().Should().Be("https://idp-generic.example/");
        idToken.RootElement.GetProperty("sub").GetString().Should().Be("alice-1");
        idToken.RootElement.GetProperty("email").GetString().Should().Be("alice@example.com");
        idToken.RootElement.GetProperty("email_verified").ValueKind.Should().Be(JsonValueKind.True);

        using var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        me.RootElement.EnumerateArray().Should().Contain(claim =>
            claim.GetProperty("type").GetString() == ClaimTypes.NameIdentifier && claim.GetProperty("value").GetString() == "alice-1");
    }

    [Test]
    public async Task Me_BeforeAnySignIn_Is401()
    {
        await using var provider = await TestIdentityProvider.StartAsync(TestIssuers.Generic);
        await using var app = await TestRelyingParty.StartAsync(options => options.AddProvider(Generic, provider));
        using var browser = new TestBrowser(app.Server, provider.Server);

        using var response = await browser.NavigateAsync(new Uri(TestRelyingParty.BaseAddress, TestRelyingParty.MePath));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    // No inbound map knows "hd": it keeps its name either way.
    [TestCase(true)]
    [TestCase(false)]
    public async Task TheGoogleLikeProvidersHostedDomain_Arrives(bool mapInboundClaims)
    {
        await using var provider = await TestIdentityProvider.StartAsync(TestIssuers.GoogleLike);
        provider.SignInAs(new TestPerson("1078", "bob@softr.io", new Dictionary<string, object> { ["email_verified"] = true, ["hd"] = "softr.io" }));

        var ticket = await SignInAsync(provider, "google", mapInboundClaims);

        ticket.Principal.FindFirst("hd")!.Value.Should().Be("softr.io");
        ticket.Principal.FindFirst(mapInboundClaims ? ClaimTypes.NameIdentifier : "sub")!.Issuer.Should().Be("https://accounts.google.example/");
    }

    [TestCase(true, "http://schemas.microsoft.com/identity/claims/tenantid")]
    [TestCase(false, "tid")]
    public async Task TheEntraLikeProvidersTenantAndDomainOwnerVerifiedEmail_Arrive(bool mapInboundClaims, string tenantType)
    {
        await using var provider = await TestIdentityProvider.StartAsync(TestIssuers.EntraLike);
        provider.SignInAs(new TestPerson("AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ", "carol@contoso.example", new Dictionary<string, object>
        {
            ["tid"] = TestIssuers.EntraLikeTenant,
            ["xms_edov"] = true,
        }));

        var ticket = await SignInAsync(provider, "entra", mapInboundClaims);

        ticket.Principal.FindFirst(tenantType)!.Value.Should().Be(TestIssuers.EntraLikeTenant);
        var domainOwnerVerified = ticket.Principal.FindFirst("xms_edov")!;
        (domainOwnerVerified.Value, domainOwnerVerified.ValueType).Should().Be(("true", ClaimValueTypes.Boolean));
        var email = ticket.Principal.FindFirst(mapInboundClaims ? ClaimTypes.Email : "email")!;
        email.Value.Should().Be("carol@contoso.example");
        email.Issuer.Should().Be($"https://login.microsoftonline.example/{TestIssuers.EntraLikeTenant}/v2.0");
    }

    // Without a challenge at all, not just without its value: a code_challenge_method alone is refused anyway.
    [TestCase(null, "code_challenge")]
    [TestCase("plain", "code_challenge_method")]
    public async Task AnAuthorizationRequest_WithoutAnS256CodeChallenge_IsRefusedByTheProvider(string? method, string named)
    {
        await using var provider = await TestIdentityProvider.StartAsync(TestIssuers.Generic);
        provider.SignInAs(new TestPerson("alice-1", "alice@example.com"));
        var tickets = new List<Ticket>();
        await using var app = await TestRelyingParty.StartAsync(options => options.AddProvider(Generic, provider).OnTicketReceived = Record(tickets));
        using var browser = new TestBrowser(app.Server, provider.Server);
        browser.Tamper(provider.AuthorizationEndpoint, uri => TestBrowser.EditQuery(uri, query =>
        {
            if (method is null)
            {
                query.Remove("code_challenge");
                query.Remove("code_challenge_method");
            }
            else
            {
                query["code_challenge_method"] = method;
            }
        }));

        using var response = await browser.NavigateAsync(TestRelyingParty.LoginUri(Generic));

        await ShouldBeRefusedByTheProviderAsync(response, browser, provider, named);
        tickets.Should().BeEmpty();
    }

    [TestCase("https://evil.example/signin-oidc-generic")]
    [TestCase("https://app.example.evil.example/signin-oidc-generic")]
    [TestCase("https://app.example/signin-oidc-generic/elsewhere")]
    [TestCase("https://app.example/signin-oidc-generi")]
    public async Task AnAuthorizationRequest_WithARedirectUriNotRegistered_IsRefusedByTheProvider(string redirectUri)
    {
        await using var provider = await TestIdentityProvider.StartAsync(TestIssuers.Generic);
        provider.SignInAs(new TestPerson("alice-1", "alice@example.com"));
        await using var app = await TestRelyingParty.StartAsync(options => options.AddProvider(Generic, provider));
        using var browser = new TestBrowser(app.Server, provider.Server);
        browser.Tamper(provider.AuthorizationEndpoint, uri => TestBrowser.EditQuery(uri, query => query["redirect_uri"] = redirectUri));

        using var response = await browser.NavigateAsync(TestRelyingParty.LoginUri(Generic));

        await ShouldBeRefusedByTheProviderAsync(response, browser, provider, "redirect_uri");
    }

    [TestCase(false, "Correlation failed")]
    [TestCase(true, "already redeemed")]
    public async Task ReplayingTheCallback_FailsAtTheRelyingParty_AndSignsNoOneInAgain(bool itsOwnCookies, string failure)
    {
        await using var provider = await TestIdentityProvider.StartAsync(TestIssuers.Generic);
        provider.SignInAs(new TestPerson("alice-1", "alice@example.com"));
        var tickets = new List<Ticket>();
        await using var app = await TestRelyingParty.StartAsync(options => options.AddProvider(Generic, provider).OnTicketReceived = Record(tickets));
        using var browser = new TestBrowser(app.Server, provider.Server);
        (await browser.NavigateAsync(TestRelyingParty.LoginUri(Generic, "w1"))).Dispose();
        var callback = browser.History.Single(request => request.Uri == TestRelyingParty.CallbackUri(Generic));

        // Without its cookies the replay is a person re-posting the page: the correlation cookie was spent. With them it
        // is someone who captured the whole request: the state checks out, and the code, spent too, is refused.
        using var replay = await browser.ReplayAsync(callback, itsOwnCookies);

        replay.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await replay.Content.ReadAsStringAsync()).Should().Contain(failure);
        browser.History[^1].Uri.Should().Be(TestRelyingParty.CallbackUri(Generic));
        tickets.Should().ContainSingle();
        provider.CodesIssued.Should().Be(1);
    }

    [Test]
    public async Task TwoProviders_InOneRelyingParty_SignInSideBySide_EachWithItsOwnIssuer()
    {
        await using var generic = await TestIdentityProvider.StartAsync(TestIssuers.Generic);
        await using var lookAlike = await TestIdentityProvider.StartAsync(TestIssuers.LookAlike);
        generic.SignInAs(new TestPerson("alice-1", "alice@example.com"));
        lookAlike.SignInAs(new TestPerson("alice-1", "alice@example.com"));
        var tickets = new List<Ticket>();
        await using var app = await TestRelyingParty.StartAsync(options =>
        {
            options.AddProvider(Generic, generic).AddProvider("lookalike", lookAlike, "other-app", "other-secret");
            options.OnTicketReceived = Record(tickets);
        });
        using var browser = new TestBrowser(app.Server, generic.Server, lookAlike.Server);

        using var first = await browser.NavigateAsync(TestRelyingParty.LoginUri("lookalike", "w2"));
        using var second = await browser.NavigateAsync(TestRelyingParty.LoginUri(Generic, "w1"));

        (first.StatusCode, second.StatusCode).Should().Be((HttpStatusCode.OK, HttpStatusCode.OK));
        tickets.Select(ticket => (ticket.Scheme, ticket.Principal.FindFirst(ClaimTypes.NameIdentifier)!.Issuer, ticket.Properties.Items[TestRelyingParty.WorkspaceItem]))
            .Should().Equal(("lookalike", "https://idp-generic.example.evil.example/", "w2"), (Generic, "https://idp-generic.example/", "w1"));
        (generic.CodesIssued, lookAlike.CodesIssued).Should().Be((1, 1));
    }

    private static async Task<Ticket> SignInAsync(TestIdentityProvider provider, string scheme, bool mapInboundClaims)
    {
        var tickets = new List<Ticket>();
        await using var app = await TestRelyingParty.StartAsync(options =>
        {
            options.AddProvider(scheme, provider).OnTicketReceived = Record(tickets);
            options.MapInboundClaims = mapInboundClaims;
        });
        using var browser = new TestBrowser(app.Server, provider.Server);

        using var response = await browser.NavigateAsync(TestRelyingParty.LoginUri(scheme));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return tickets.Should().ContainSingle().Subject;
    }

    /// <summary>The provider answered the authorization request itself, with an error page: no code, and nothing sent back to the application.</summary>
    private static async Task ShouldBeRefusedByTheProviderAsync(HttpResponseMessage response, TestBrowser browser, TestIdentityProvider provider, string parameter)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        browser.History[^1].Uri.GetLeftPart(UriPartial.Path).Should().Be(provider.AuthorizationEndpoint.AbsoluteUri);
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("invalid_request").And.Contain($"'{parameter}'");
        provider.CodesIssued.Should().Be(0);
        browser.History.Should().NotContain(request => request.Method == HttpMethod.Post);
    }

    private static JsonDocument IdTokenPayload(TestRelyingParty app) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(new JsonWebToken(app.IdTokens.Single()).EncodedPayload)));

    private static Func<TicketReceivedContext, Task> Record(List<Ticket> tickets) => context =>
    {
        tickets.Add(new Ticket(context.Scheme.Name, context.Principal!, context.Properties!));
        return Task.CompletedTask;
    };

    private sealed record Ticket(string Scheme, ClaimsPrincipal Principal, AuthenticationProperties Properties);
}
