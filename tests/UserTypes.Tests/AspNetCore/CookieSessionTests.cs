using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UserTypes.AspNetCore;
using UserTypes.Tests.Stores;

namespace UserTypes.Tests.AspNetCore;

/// <summary>
/// A cookie scheme with <c>UseUserTypesValidation()</c> on TestServer, on every store, set up as the sample is: the
/// request after a change that takes access away is a 401 with the cookie cleared, the request after a grant sees the
/// right, a logout kills every copy of the cookie, and Basic service calls see the same revocation.
/// </summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class CookieSessionTests(StoreKind store) : StoreFixture(store)
{
    private const string Workspace = "acme";
    private const string CookieName = "session";
    private const string NewPassword = "a brand new passphrase";

    private readonly List<WebApplication> _apps = [];
    private readonly CapturingMailer _mailer = new();

    // The cookies' own clock (idle expiry); the sessions' absolute end keeps real time.
    private readonly FakeTimeProvider _cookieClock = new(DateTimeOffset.UtcNow);
    private TestDatabase _database = null!;
    private string _partnerId = null!;
    private AuthenticatedUser _admin = null!;

    private IServiceProvider Services => _apps[0].Services;

    private IUserDirectory Users => Services.GetRequiredService<IUserDirectory>();

    [SetUp]
    public async Task SetUp()
    {
        _database = TestDatabase.Create(Store);
        await StartInstanceAsync();
        await Services.GetRequiredService<IWorkspaceDirectory>().CreateAsync(Workspace, "owner@softr.io");
        await Services.GetRequiredService<IWorkspaceDirectory>().SetLicenseAsync(Workspace, new WorkspaceLicense { ExternalUsers = true });
        await Users.CreateInternalUserAsync(Workspace, "admin", "admin@softr.io", TestHost.Password,
            new RightsGrant { FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers, FunctionalRights.ManageRights } });
        _admin = await Services.GetRequiredService<IAuthenticator>().AuthenticateAsync(Workspace, new PasswordCredentials("admin", TestHost.Password), ClientKind.ServiceAgent);
        _partnerId = (await Users.CreateExternalUserAsync(_admin, "person-1", "partner", "partner@partner.example", TestHost.Password)).Id;
    }

    [TearDown]
    public async Task TearDown()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        _apps.Clear();
        _database?.Dispose();
    }

    // One instance of the host: its own container, caches and change watcher, on the fixture's database.
    private async Task<WebApplication> StartInstanceAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<IAccountMailer>(_mailer);
        var userTypes = builder.Services.AddUserTypes(o =>
        {
            o.Password.WorkFactor = 4;
            o.ExternalUsers.Enabled = true;
        });
        if (_apps.Count > 0 && Store == StoreKind.InMemory)
        {
            Assert.Fail("In memory there is no second instance on the same data.");
        }

        _database.Use(userTypes);
        builder.Services.AddAuthentication("select")
            .AddPolicyScheme("select", "Cookie, else a service call", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count == 0 && context.Request.Cookies.ContainsKey(CookieName)
                    ? CookieAuthenticationDefaults.AuthenticationScheme
                    : UserTypesAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(1);
                o.TimeProvider = _cookieClock;
                o.ForwardChallenge = UserTypesAuthenticationDefaults.AuthenticationScheme;
                o.ForwardForbid = UserTypesAuthenticationDefaults.AuthenticationScheme;

                // The host's own rule, run before the session check: a request it distrusts is signed out on the spot.
                o.Events.OnValidatePrincipal = async context =>
                {
                    if (context.Request.Headers.ContainsKey("X-Distrusted"))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
                o.UseUserTypesValidation();
            })
            .AddUserTypesScheme();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy("any", p => p.RequireUserType(UserType.Internal, UserType.External))
            .AddPolicy("create-external", p => p.RequireFunctionalRight(FunctionalRights.CreateExternalUsers));
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost("/{workspaceId}/login", async (string workspaceId, string user, string password, HttpContext context) =>
            (await context.SignInWebUserAsync(workspaceId, new PasswordCredentials(user, password))).UserName);
        app.MapPost("/{workspaceId}/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        });
        app.MapGet("/{workspaceId}/me", (HttpContext context) => AuthenticatedUser.FromPrincipal(context.User)!.UserName).RequireAuthorization("any");
        app.MapPost("/{workspaceId}/partners", () => "created").RequireAuthorization("create-external");
        app.MapPost("/{workspaceId}/me/password", async (string current, string next, HttpContext context, IUserDirectory users) =>
        {
            var changed = await users.ChangePasswordAsync(AuthenticatedUser.FromPrincipal(context.User)!, current, next);
            await context.RenewWebUserSignInAsync(changed);
            return Results.NoContent();
        }).RequireAuthorization("any");
        await app.StartAsync();
        _apps.Add(app);
        return app;
    }

    private static async Task<SessionBrowser> SignInAsync(WebApplication app, string user = "partner", string password = TestHost.Password)
    {
        var browser = new SessionBrowser(app.GetTestClient(), CookieName);
        var login = await browser.SendAsync(HttpMethod.Post, $"/{Workspace}/login?user={user}&password={Uri.EscapeDataString(password)}");
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        browser.Cookie.Should().NotBeNull();
        return browser;
    }

    private SessionBrowser CopyOf(SessionBrowser browser, WebApplication? app = null) =>
        new((app ?? _apps[0]).GetTestClient(), CookieName) { Cookie = browser.Cookie };

    private static Task<HttpResponseMessage> MeAsync(SessionBrowser browser) => browser.SendAsync(HttpMethod.Get, $"/{Workspace}/me");

    [Test]
    public async Task Disabling_MakesTheNextRequest401_AndClearsTheCookie()
    {
        var partner = await SignInAsync(_apps[0]);
        (await MeAsync(partner)).StatusCode.Should().Be(HttpStatusCode.OK);

        await Users.SetEnabledAsync(Workspace, _partnerId, enabled: false);
        var next = await MeAsync(partner);

        next.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        partner.Cookie.Should().BeNull("the session's cookie is cleared on that very request");
    }

    [Test]
    public async Task AGrant_IsSeenOnTheNextRequest_WithoutANewLogin()
    {
        var admin = await SignInAsync(_apps[0], "admin");
        var staff = await Users.CreateInternalUserAsync(Workspace, "staff", "staff@softr.io", TestHost.Password);
        var browser = await SignInAsync(_apps[0], "staff");
        (await browser.SendAsync(HttpMethod.Post, $"/{Workspace}/partners")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var before = browser.Cookie;

        await Users.GrantAsync(_admin, staff.Id, new RightsGrant { FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers } });
        var granted = await browser.SendAsync(HttpMethod.Post, $"/{Workspace}/partners");

        granted.StatusCode.Should().Be(HttpStatusCode.OK);
        browser.Cookie.Should().NotBe(before, "the cookie is re-issued with the new claims");
        (await browser.SendAsync(HttpMethod.Post, $"/{Workspace}/partners")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await MeAsync(admin)).StatusCode.Should().Be(HttpStatusCode.OK, "another account's session is untouched");
    }

    [Test]
    public async Task RevokingARight_MakesTheNextRequest401()
    {
        var admin = await SignInAsync(_apps[0], "admin");
        (await admin.SendAsync(HttpMethod.Post, $"/{Workspace}/partners")).StatusCode.Should().Be(HttpStatusCode.OK);

        await Users.RevokeAsync(_admin, _admin.UserId, new RightsGrant { FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers } });

        (await admin.SendAsync(HttpMethod.Post, $"/{Workspace}/partners")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AReclassificationThatChangesTheType_MakesTheNextRequest401()
    {
        await Users.RequestSignUpAsync(Workspace, "lee@xyz.com");
        await Users.CompleteSignUpAsync(Workspace, "lee@xyz.com", _mailer.TokenFor("lee@xyz.com", AccountMailKind.SignUp), TestHost.Password);
        var lee = await SignInAsync(_apps[0], "lee@xyz.com");
        (await MeAsync(lee)).StatusCode.Should().Be(HttpStatusCode.OK, "an external account, classified by its address");

        await Services.GetRequiredService<IWorkspaceDirectory>().AddCollaboratorAsync(Workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);

        (await MeAsync(lee)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "xyz.com is a collaborator's domain now: the account is internal, and its sessions ended");
        lee.Cookie.Should().BeNull();
    }

    [Test]
    public async Task Logout_KillsEveryCopyOfTheCookie()
    {
        var partner = await SignInAsync(_apps[0]);
        var copy = CopyOf(partner);
        var otherSession = await SignInAsync(_apps[0]);

        (await partner.SendAsync(HttpMethod.Post, $"/{Workspace}/logout")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        partner.Cookie.Should().BeNull();
        (await MeAsync(copy)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the copied cookie names a session that is over");
        (await MeAsync(otherSession)).StatusCode.Should().Be(HttpStatusCode.OK, "a logout ends one session, not the account's others");
    }

    [Test]
    public async Task APasswordChange_EndsTheOtherSessions_AndKeepsTheOneThatMadeIt()
    {
        var phone = await SignInAsync(_apps[0]);
        var laptop = await SignInAsync(_apps[0]);
        var stolen = CopyOf(laptop);

        var change = await laptop.SendAsync(HttpMethod.Post, $"/{Workspace}/me/password?current={Uri.EscapeDataString(TestHost.Password)}&next={Uri.EscapeDataString(NewPassword)}");

        change.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await MeAsync(laptop)).StatusCode.Should().Be(HttpStatusCode.OK, "the session that changed the password goes on, with a new cookie");
        (await MeAsync(phone)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await MeAsync(stolen)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the cookie from before the change is dead too");
    }

    [Test]
    public async Task BasicServiceCalls_SeeTheSameRevocationOnTheirNextCall()
    {
        var caller = new SessionBrowser(_apps[0].GetTestClient(), CookieName);
        var basic = BasicAuthorization.For("admin", TestHost.Password);
        (await caller.SendAsync(HttpMethod.Post, $"/{Workspace}/partners", basic)).StatusCode.Should().Be(HttpStatusCode.OK);

        await Users.RevokeAsync(_admin, _admin.UserId, new RightsGrant { FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers } });
        var afterRevoke = await caller.SendAsync(HttpMethod.Post, $"/{Workspace}/partners", basic);
        await Users.SetEnabledAsync(Workspace, _partnerId, enabled: false);
        var disabled = await caller.SendAsync(HttpMethod.Get, $"/{Workspace}/me", BasicAuthorization.For("partner", TestHost.Password));

        afterRevoke.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the right is gone on the very next call");
        disabled.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task ACookieSignedInWithoutASession_IsRejected()
    {
        var user = await Services.GetRequiredService<IAuthenticator>().AuthenticateAsync(Workspace, new PasswordCredentials("partner", TestHost.Password), ClientKind.WebApplication);
        var app = _apps[0];
        var ticket = new AuthenticationTicket(user.ToClaimsPrincipal(), CookieAuthenticationDefaults.AuthenticationScheme);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var browser = new SessionBrowser(app.GetTestClient(), CookieName) { Cookie = $"{CookieName}={options.TicketDataFormat.Protect(ticket)}" };

        (await MeAsync(browser)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "only sessions started by UserTypes are accepted");
    }

    [Test]
    public async Task AHostValidatorThatSignsOut_EndsTheSession_WithoutWaitingOnItself()
    {
        var partner = await SignInAsync(_apps[0]);
        var copy = CopyOf(partner);
        using var distrusted = new HttpRequestMessage(HttpMethod.Get, $"/{Workspace}/me") { Headers = { { "X-Distrusted", "1" }, { "Cookie", partner.Cookie } } };

        var response = await _apps[0].GetTestClient().SendAsync(distrusted).WaitAsync(TimeSpan.FromSeconds(10));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await MeAsync(copy)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the host signed the session out, so its record is gone");
    }

    [Test]
    public async Task LoggingOutWithAnIdleExpiredCookie_StillEndsTheSession_ForACopyKeptAlive()
    {
        var victim = await SignInAsync(_apps[0]);
        var thief = CopyOf(victim);
        _cookieClock.Advance(TimeSpan.FromMinutes(40));
        (await MeAsync(thief)).StatusCode.Should().Be(HttpStatusCode.OK, "past half its life, the thief's copy is re-issued");
        _cookieClock.Advance(TimeSpan.FromMinutes(30));
        (await MeAsync(CopyOf(victim))).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the victim's own copy is idle-expired now");

        (await victim.SendAsync(HttpMethod.Post, $"/{Workspace}/logout")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await MeAsync(thief)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the user logged the session out");
    }

    [Test]
    public async Task AnotherInstance_LearnsOfALogoutAndADisable_WithinASecond()
    {
        if (Store == StoreKind.InMemory)
        {
            Assert.Ignore("In memory there is no second instance on the same data; the in-process case is the tests above.");
        }

        var second = await StartInstanceAsync();
        var partner = await SignInAsync(_apps[0]);
        var onSecond = CopyOf(partner, second);
        var staff = await Users.CreateInternalUserAsync(Workspace, "staff", "staff@softr.io", TestHost.Password);
        var staffOnSecond = CopyOf(await SignInAsync(_apps[0], "staff"), second);
        (await MeAsync(onSecond)).StatusCode.Should().Be(HttpStatusCode.OK, "the second instance caches the session");
        (await MeAsync(staffOnSecond)).StatusCode.Should().Be(HttpStatusCode.OK);

        await partner.SendAsync(HttpMethod.Post, $"/{Workspace}/logout");
        await Users.SetEnabledAsync(Workspace, staff.Id, enabled: false);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await MeAsync(CopyOf(onSecond, second))).StatusCode == HttpStatusCode.OK || (await MeAsync(CopyOf(staffOnSecond, second))).StatusCode == HttpStatusCode.OK)
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "another instance must learn within a second (SQLite polls every 250 ms)");
            await Task.Delay(20);
        }
    }
}
