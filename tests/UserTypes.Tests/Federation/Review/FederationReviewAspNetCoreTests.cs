using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using UserTypes.Tests.Federation.Harness;

namespace UserTypes.Tests.Federation.Review;

/// <summary>
/// Security review of the ASP.NET Core side of federated sign-in. Each test asserts the behaviour a secure
/// implementation has; a failing test is a confirmed finding. See the review report for the reasoning.
/// </summary>
public sealed class FederationReviewAspNetCoreTests
{
    private const string Workspace = "acme";
    private const string Unbound = "unbound";

    // A partner's provider the workspace trusts, bound to no domain of the workspace: its word on an address is a
    // VerifiedMailbox at most. Its administrator decides what its tokens say.
    private static readonly Uri UnboundIssuer = new("https://idp-unbound-review.example/");
    private static readonly Uri MeUri = new(TestRelyingParty.BaseAddress, TestRelyingParty.MePath);
    private static readonly Uri LinkUri = new(TestRelyingParty.BaseAddress, TestRelyingParty.LinkPath);

    private readonly List<TestBrowser> _browsers = [];
    private TestIdentityProvider? _provider;
    private TestRelyingParty? _app;

    private TestRelyingParty App => _app ?? throw new InvalidOperationException("Call StartAsync first.");

    private IUserTypesStore Store => App.Services.GetRequiredService<IUserTypesStore>();

    private IUserDirectory Users => App.Services.GetRequiredService<IUserDirectory>();

    [TearDown]
    public Task TearDown() => HarnessTeardown.DisposeAsync(_browsers, _app, _provider is null ? [] : [_provider]);

    // FINDING 1 (existing accounts). The administrator of a trusted issuer that speaks for none of the workspace's
    // domains marks the victim's address verified on an identity of theirs, and sends the victim the host's own
    // "sign in with Partner" link. The provider signs the victim's browser in as that identity (it needs no login of
    // the victim: the provider is the attacker's); the genuine site then shows its genuine link page, asking for the
    // password of the account that holds the address. The victim types it: the attacker's identity is linked, and
    // signs in to the victim's account from then on. No cookie planting, no bug in the browser.
    [Test]
    public async Task AnIssuerNotBoundToTheAddressesDomain_IsNotOfferedALinkToTheAccountThatHoldsIt()
    {
        await StartAsync();
        var staff = await Users.CreateInternalUserAsync(Workspace, "staff", "staff@softr.io", TestHost.Password);
        _provider!.SignInAs(new TestPerson("mallory", "staff@softr.io", new Dictionary<string, object> { ["email_verified"] = true }));
        var victim = NewBrowser();
        using (var landing = await victim.NavigateAsync(TestRelyingParty.LoginUri(Unbound, Workspace)))
        {
            if (victim.History[^1].Uri.AbsolutePath == TestRelyingParty.LinkPath)
            {
                (await victim.PostAsync(LinkUri, KeyValuePair.Create("user", "staff"), KeyValuePair.Create("password", TestHost.Password))).Dispose();
            }
        }

        var attacker = NewBrowser();
        using var again = await attacker.NavigateAsync(TestRelyingParty.LoginUri(Unbound, Workspace));
        var me = again.StatusCode == HttpStatusCode.OK && attacker.History[^1].Uri == MeUri ? await again.Content.ReadAsStringAsync() : null;
        (await Store.FindIdentityAsync(Workspace, UnboundIssuer.AbsoluteUri, "mallory", CancellationToken.None)).Should().NotBe(
            staff.Id, "an issuer with no authority over softr.io must not get a way into staff@softr.io's account (the attacker's browser now reads /me as: {0})", me);
    }

    // FINDING 2. A pending link planted in another browser must not be possible from a sibling subdomain: over https the
    // cookie is a __Host- cookie (Secure, Path=/, no Domain), which browsers accept only from this very host. (A planted
    // one still links only to the account that holds its identity's address: see the end-to-end tests.)
    [Test]
    public async Task ThePendingLinkCookie_IsAHostCookie_ThatNoSubdomainCanPlant()
    {
        await StartAsync();
        await App.Services.GetRequiredService<IWorkspaceDirectory>().BindIssuerDomainAsync(Workspace, UnboundIssuer.AbsoluteUri, "softr.io");
        await Users.CreateInternalUserAsync(Workspace, "staff", "staff@softr.io", TestHost.Password);
        var browser = NewBrowser();
        _provider!.SignInAs(new TestPerson("staff-idp", "staff@softr.io", new Dictionary<string, object> { ["email_verified"] = true }));

        using (var toLinkPage = await browser.NavigateAsync(TestRelyingParty.LoginUri(Unbound, Workspace)))
        {
            browser.History[^1].Uri.AbsolutePath.Should().Be(TestRelyingParty.LinkPath);
        }

        var cookie = browser.Cookies.GetCookies(TestRelyingParty.BaseAddress).Single(c => c.Name.Contains("PendingLink", StringComparison.Ordinal));
        cookie.Name.Should().StartWith("__Host-");
        cookie.Secure.Should().BeTrue();
        cookie.HttpOnly.Should().BeTrue();
        cookie.Path.Should().Be("/");
        cookie.Domain.Should().Be(TestRelyingParty.BaseAddress.Host, "a host-only cookie, not one for a parent domain");
    }

    // FINDING 6. The link page compares the account's canonical address with the identity's raw one: an address with an
    // international domain (stored in punycode) never matches its Unicode spelling, so its owner can never link.
    [Test]
    public async Task AnInternationalAddress_CanBeLinked_AtTheLinkPage()
    {
        await StartAsync();
        await App.Services.GetRequiredService<IWorkspaceDirectory>().BindIssuerDomainAsync(Workspace, UnboundIssuer.AbsoluteUri, "bücher.example");
        var bob = await Users.CreateInternalUserAsync(Workspace, "bob", "bob@bücher.example", TestHost.Password);
        bob.Email.Should().Be("bob@xn--bcher-kva.example");
        var browser = NewBrowser();
        _provider!.SignInAs(new TestPerson("bob-1", "bob@bücher.example", new Dictionary<string, object> { ["email_verified"] = true }));
        using (var toLinkPage = await browser.NavigateAsync(TestRelyingParty.LoginUri(Unbound, Workspace)))
        {
            browser.History[^1].Uri.AbsolutePath.Should().Be(TestRelyingParty.LinkPath);
        }

        using var linked = await browser.PostAsync(LinkUri, KeyValuePair.Create("user", "bob"), KeyValuePair.Create("password", TestHost.Password));

        linked.StatusCode.Should().Be(HttpStatusCode.OK, "the owner of the address typed its password");
        (await Store.FindIdentityAsync(Workspace, UnboundIssuer.AbsoluteUri, "bob-1", CancellationToken.None)).Should().Be(bob.Id);
    }

    // FINDING 4. With GetClaimsFromUserInfoEndpoint on (as Google's and many providers' guides set it) and inbound claim
    // mapping on (the default), the handler's default claim actions add a "sub" claim issued by the scheme's name
    // (ClaimsIssuer) beside the token's NameIdentifier; FederatedClaims prefers "sub", so the identity's issuer becomes
    // "generic", an ArgumentException escapes OnTicketReceived, and every such sign-in is a 500.
    [Test]
    public async Task WithTheUserInfoEndpoint_AndInboundMapping_TheIssuerIsStillTheTokens()
    {
        const string issuer = "https://idp-generic.example/";
        await using var provider = await FederatedServices.BuildAsync(Workspace, issuer, boundDomain: "softr.io");

        // The ID token's claims as the JsonWebTokenHandler maps them (MapInboundClaims on), each issued by the token's iss.
        var options = new OpenIdConnectOptions { GetClaimsFromUserInfoEndpoint = true };
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "alice-1", ClaimValueTypes.String, issuer),
                new Claim(ClaimTypes.Email, "alice@softr.io", ClaimValueTypes.String, issuer),
                new Claim("email_verified", "true", ClaimValueTypes.Boolean, issuer),
            ],
            "AuthenticationTypes.Federation");

        // What OpenIdConnectHandler.GetUserInformationAsync then does with the userinfo answer: every claim action of the
        // options, issued by the handler's ClaimsIssuer (Options.ClaimsIssuer ?? the scheme's name).
        using var userInfo = JsonDocument.Parse("""{"sub":"alice-1","email":"alice@softr.io","email_verified":true}""");
        foreach (var action in options.ClaimActions)
        {
            action.Run(userInfo.RootElement, identity, "generic");
        }

        var properties = new AuthenticationProperties();
        properties.Items[UserTypesFederatedHttpContextExtensions.WorkspaceItem] = Workspace;
        var http = new DefaultHttpContext { RequestServices = provider };
        var context = new TicketReceivedContext(
            http, new AuthenticationScheme("generic", null, typeof(OpenIdConnectHandler)), options, new AuthenticationTicket(new ClaimsPrincipal(identity), properties, "generic"));

        var signIn = () => context.SignInFederatedUserAsync(TestRelyingParty.LinkPath);

        await signIn.Should().NotThrowAsync("the validated token's issuer is in the principal, on its NameIdentifier");
        context.Principal!.FindFirst(UserTypesClaimTypes.WorkspaceId)?.Value.Should().Be(Workspace);
    }

    private async Task StartAsync()
    {
        _provider = await TestIdentityProvider.StartAsync(UnboundIssuer);
        _app = await TestRelyingParty.StartAsync(options =>
        {
            options.AddProvider(Unbound, _provider);
            options.OnTicketReceived = context => context.SignInFederatedUserAsync(TestRelyingParty.LinkPath);
            options.ConfigureCookie = cookie => cookie.UseUserTypesValidation();
            options.ConfigureServices = TestRelyingParty.AddInMemoryUserTypes;
        });
        var workspaces = App.Services.GetRequiredService<IWorkspaceDirectory>();
        await workspaces.CreateAsync(Workspace, "owner@softr.io");
        await workspaces.SetLicenseAsync(Workspace, new WorkspaceLicense { ExternalUsers = true });
        await workspaces.AddTrustedIssuerAsync(Workspace, UnboundIssuer.AbsoluteUri, IssuerKind.OpenIdConnect, allowProvisioning: true);
    }

    private TestBrowser NewBrowser()
    {
        var browser = new TestBrowser(App.Server, _provider!.Server);
        _browsers.Add(browser);
        return browser;
    }
}
