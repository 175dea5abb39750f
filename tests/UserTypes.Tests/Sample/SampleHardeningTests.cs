using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using UserTypes.Sample.Demo;
using static UserTypes.Tests.Sample.SampleClient;

namespace UserTypes.Tests.Sample;

/// <summary>The sample's defences a host copies: the session cookie's shape, the rate limiter, no form posts.</summary>
public sealed class SampleHardeningTests
{
    private static readonly object AdminLogin = new { userName = DemoWorkspace.AdminUserName, password = DemoWorkspace.AdminPassword };

    [Test]
    public async Task OverHttps_TheSessionCookieIsSecure_HostPrefixed_AndStillOpensTheSession()
    {
        await using var factory = new SampleFactory(urls: "https://localhost:5443");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost:5443") });

        var login = await client.SendAsync(Request(HttpMethod.Post, "/login", AdminLogin));
        var me = await client.SendAsync(Request(HttpMethod.Get, "/me"));

        var cookie = login.Headers.GetValues("Set-Cookie").Should().ContainSingle().Subject;
        cookie.Should().StartWith("__Host-usertypes-sample=");
        cookie.Split("; ").Should().Contain(["secure", "path=/", "httponly", "samesite=strict"]).And.NotContain(part => part.StartsWith("domain=", StringComparison.OrdinalIgnoreCase));
        me.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonOf(me)).GetProperty("userName").GetString().Should().Be(DemoWorkspace.AdminUserName);
    }

    [Test]
    public async Task OverLocalHttp_TheCookieIsNotPrefixed_SinceBrowsersWouldDropIt()
    {
        await using var factory = new SampleFactory();

        var login = await factory.CreateClient().SendAsync(Request(HttpMethod.Post, "/login", AdminLogin));

        var cookie = login.Headers.GetValues("Set-Cookie").Should().ContainSingle().Subject;
        cookie.Should().StartWith("usertypes-sample=");
        cookie.Split("; ").Should().NotContain("secure").And.Contain(["path=/", "httponly", "samesite=strict"]);
    }

    [Test]
    public async Task PastTenCredentialRequestsAMinute_AClientGets429_OnEveryCredentialEndpoint_ButNotElsewhere()
    {
        await using var factory = new SampleFactory();
        using var client = factory.CreateClient();

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            guesses.Add((await client.SendAsync(Request(HttpMethod.Post, "/login", new { userName = DemoWorkspace.AdminUserName, password = $"guess number {i}" }))).StatusCode);
        }

        var eleventh = await client.SendAsync(Request(HttpMethod.Post, "/login", AdminLogin));
        var signUp = await client.SendAsync(Request(HttpMethod.Post, "/signup", new { email = "lee@acme.example" }));
        var reset = await client.SendAsync(Request(HttpMethod.Post, "/password-reset", new { email = DemoWorkspace.AdminEmail }));
        var contacts = await client.SendAsync(AsPartner(HttpMethod.Get, "/contacts"));

        guesses.Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        eleventh.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "even the right password waits: the limiter does not look at it");
        eleventh.Headers.RetryAfter!.Delta.Should().BePositive().And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        eleventh.Headers.Contains("Set-Cookie").Should().BeFalse();
        signUp.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        reset.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        foreach (var path in new[] { "/signup/complete", "/password-reset/complete", "/me/password", "/me/email", "/me/email/confirm", "/invitations", "/invitations/accept", "/users/1/password-reset" })
        {
            (await client.SendAsync(Request(HttpMethod.Post, path, new { email = "lee@acme.example" }))).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, path);
        }

        Outbox.To(factory.Folder, "lee@acme.example").Should().BeEmpty("a refused request sends no mail");
        Outbox.To(factory.Folder, DemoWorkspace.AdminEmail).Should().BeEmpty();
        contacts.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task PastSixtyServiceCallsAMinute_BasicGuessesGet429_BeforeAnyPasswordIsChecked()
    {
        await using var factory = new SampleFactory();
        using var client = factory.CreateClient();

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            guesses.Add((await client.SendAsync(Request(HttpMethod.Get, "/me", user: "nobody", password: $"guess number {i}"))).StatusCode);
        }

        var rightPassword = await client.SendAsync(AsAdmin(HttpMethod.Get, "/me"));
        var anywhere = await client.SendAsync(Request(HttpMethod.Get, "/no-such-endpoint", user: DemoWorkspace.AdminUserName, password: "a guess"));
        var withoutCredentials = await client.SendAsync(Request(HttpMethod.Get, "/contacts"));

        guesses.Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        rightPassword.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the limiter runs before the scheme verifies anything");
        anywhere.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "an endpoint that does not exist still authenticates a Basic header");
        withoutCredentials.StatusCode.Should().Be(HttpStatusCode.OK);
        var admin = (await factory.Services.GetRequiredService<IUserDirectory>().FindByEmailAsync(DemoWorkspace.Id, DemoWorkspace.AdminEmail))!;
        admin.AccessFailedCount.Should().Be(0, "the refused guess at the admin was never checked");
        admin.LockoutEnd.Should().BeNull();
    }

    [TestCase("/login")]
    [TestCase("/contacts")]
    public async Task AFormPost_AsACrossSiteFormWouldSendIt_IsRefused_AndChangesNothing(string path)
    {
        await using var factory = new SampleFactory();
        using var client = factory.CreateClient();
        await client.SendAsync(Request(HttpMethod.Post, "/login", AdminLogin));
        var before = (await JsonOf(await client.SendAsync(Request(HttpMethod.Get, "/contacts")))).GetArrayLength();

        // An HTML form can only send these content types; every endpoint binds JSON, so none of them can act.
        var form = new HttpRequestMessage(HttpMethod.Post, WorkspacePath + path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = DemoWorkspace.AdminUserName,
                ["password"] = DemoWorkspace.AdminPassword,
                ["name"] = "Planted by a form",
                ["email"] = "planted@evil.example",
            }),
        };
        var response = await client.SendAsync(form);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
        (await JsonOf(await client.SendAsync(Request(HttpMethod.Get, "/contacts")))).GetArrayLength().Should().Be(before);
    }
}
