using System.Net;
using System.Net.Http.Json;
using UserTypes.Sample.Demo;
using static UserTypes.Tests.Sample.SampleClient;

namespace UserTypes.Tests.Sample;

/// <summary>The sample as a newcomer runs it: a real process on a free loopback port, its data file in the working folder.</summary>
public sealed class SampleProcessTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task TheRealSample_ListensOnAFreePort_AndAnswersEachUserTypeDifferently(CancellationToken cancellationToken)
    {
        await using var sample = await SampleProcess.StartAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" }, cancellationToken);
        var (url, folder, output) = (sample.Address.AbsoluteUri.TrimEnd('/'), sample.Folder, sample.Output);
        output.Should().Contain($"UserTypes sample listening on {url}");
        output.Should().Contain(line => line.Contains($"curl -i {url}/workspaces/{DemoWorkspace.Id}/contacts", StringComparison.Ordinal));
        output.Should().Contain(line => line.Contains("UserTypes.Sample.http", StringComparison.Ordinal), "the banner points to the walkthrough");

        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var anonymousRead = await http.SendAsync(Request(HttpMethod.Get, "/contacts"), cancellationToken);
        var anonymousWrite = await http.SendAsync(Request(HttpMethod.Post, "/contacts", new { name = "Ada", email = "ada@example.com" }), cancellationToken);
        var partner = await http.SendAsync(AsPartner(HttpMethod.Get, "/me"), cancellationToken);
        var partnerSeats = await http.SendAsync(AsPartner(HttpMethod.Get, "/seats"), cancellationToken);
        var adminSeats = await http.SendAsync(AsAdmin(HttpMethod.Get, "/seats"), cancellationToken);
        var wrongPassword = await http.SendAsync(Request(HttpMethod.Get, "/me", user: DemoWorkspace.PartnerUserName, password: "wrong password"), cancellationToken);

        anonymousRead.StatusCode.Should().Be(HttpStatusCode.OK);
        anonymousWrite.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        partner.StatusCode.Should().Be(HttpStatusCode.OK);
        (await partner.Content.ReadAsStringAsync(cancellationToken)).Should().Contain("\"userType\":\"External\"");
        partnerSeats.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        adminSeats.StatusCode.Should().Be(HttpStatusCode.OK);
        wrongPassword.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        File.Exists(Path.Combine(folder, "usertypes-sample.db")).Should().BeTrue("the data lives in the working folder");

        // E-mail first over real HTTP: the link lands in the outbox beside the data file, read as a person would.
        var requested = await http.SendAsync(Request(HttpMethod.Post, "/signup", new { email = "sam@acme.example" }), cancellationToken);
        var token = Outbox.TokenFor(folder, "sam@acme.example", "SignUp");
        var completed = await http.SendAsync(Request(HttpMethod.Post, "/signup/complete", new { email = "sam@acme.example", token, password = "sunny hill 1" }), cancellationToken);
        var signedUp = await http.SendAsync(Request(HttpMethod.Get, "/me", user: "sam@acme.example", password: "sunny hill 1"), cancellationToken);

        requested.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await requested.Content.ReadAsStringAsync(cancellationToken)).Should().NotContain(token);
        completed.StatusCode.Should().Be(HttpStatusCode.Created);
        signedUp.StatusCode.Should().Be(HttpStatusCode.OK);
        output.Should().Contain(line => line.Contains(Path.Combine(folder, "outbox"), StringComparison.Ordinal), "the banner says where the mail goes");

        // Back-off: five wrong passwords lock for two seconds, then the right one gets in. While locked, the right
        // password is refused, even the one a service call had verified just before (the lock forgot it).
        var wrong = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            wrong.Add((await http.SendAsync(Request(HttpMethod.Get, "/me", user: "sam@acme.example", password: $"wrong guess {i}"), cancellationToken)).StatusCode);
        }

        var whileLocked = await http.SendAsync(Request(HttpMethod.Post, "/login", new { userName = "sam@acme.example", password = "sunny hill 1" }), cancellationToken);
        var rememberedWhileLocked = await http.SendAsync(Request(HttpMethod.Get, "/me", user: "sam@acme.example", password: "sunny hill 1"), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(2.2), cancellationToken);
        var afterBackOff = await http.SendAsync(Request(HttpMethod.Get, "/me", user: "sam@acme.example", password: "sunny hill 1"), cancellationToken);

        wrong.Should().OnlyContain(status => status == HttpStatusCode.Unauthorized).And.HaveCount(5);
        whileLocked.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the fifth failure locked the account for two seconds");
        rememberedWhileLocked.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a remembered password is what a guesser who found it sends");
        afterBackOff.StatusCode.Should().Be(HttpStatusCode.OK);

        // A service agent's key: created once over Basic, then sent as a bearer token; listed without its secret;
        // revoked, and the very next call with it is refused.
        var created = await http.SendAsync(AsAdmin(HttpMethod.Post, "/me/api-keys", new { name = "nightly import" }), cancellationToken);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var apiKey = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(cancellationToken);
        var (keyId, key) = (apiKey.GetProperty("id").GetString()!, apiKey.GetProperty("key").GetString()!);
        HttpRequestMessage WithKey(HttpMethod method, string path, object? body = null)
        {
            var request = Request(method, path, body);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            return request;
        }

        var asAgent = await http.SendAsync(WithKey(HttpMethod.Get, "/me"), cancellationToken);
        var listed = await (await http.SendAsync(AsAdmin(HttpMethod.Get, "/me/api-keys"), cancellationToken)).Content.ReadAsStringAsync(cancellationToken);
        var keyMakingKey = await http.SendAsync(WithKey(HttpMethod.Post, "/me/api-keys", new { name = "a key of a key" }), cancellationToken);
        var revoked = await http.SendAsync(AsAdmin(HttpMethod.Delete, $"/me/api-keys/{keyId}"), cancellationToken);
        var afterRevocation = await http.SendAsync(WithKey(HttpMethod.Get, "/me"), cancellationToken);

        key.Should().StartWith(ApiKey.Prefix);
        asAgent.StatusCode.Should().Be(HttpStatusCode.OK);
        (await asAgent.Content.ReadAsStringAsync(cancellationToken)).Should().Contain(DemoWorkspace.AdminUserName);
        listed.Should().Contain(keyId).And.Contain("nightly import").And.NotContain(key);
        keyMakingKey.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a key may not make keys: a leaked one could outlive its revocation");
        revoked.StatusCode.Should().Be(HttpStatusCode.NoContent);
        afterRevocation.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        // Sessions that tell the truth: a password change on one session ends the others and keeps its own; a
        // logout kills every copy of the cookie; the admin disabling the partner ends the partner's next request.
        // Each request carries exactly the cookie named, as separate browsers would: no cookie jar.
        using var browsers = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = new Uri(url) };
        async Task<string> LogInAsync(string password)
        {
            var login = await browsers.SendAsync(Request(HttpMethod.Post, "/login", new { userName = DemoWorkspace.PartnerUserName, password }), cancellationToken);
            login.StatusCode.Should().Be(HttpStatusCode.OK);
            return CookieOf(login)!;
        }

        Task<HttpResponseMessage> MeWith(string cookie) => browsers.SendAsync(WithCookie(cookie, HttpMethod.Get, "/me"), cancellationToken);
        const string newPassword = "golden meadow 2";
        var laptop = await LogInAsync(DemoWorkspace.PartnerPassword);
        var phone = await LogInAsync(DemoWorkspace.PartnerPassword);
        var partnerId = (await JsonOf(await MeWith(laptop))).GetProperty("userId").GetString()!;
        var change = await browsers.SendAsync(
            WithCookie(laptop, HttpMethod.Post, "/me/password", new { currentPassword = DemoWorkspace.PartnerPassword, newPassword }), cancellationToken);
        var renewed = CookieOf(change);

        change.StatusCode.Should().Be(HttpStatusCode.NoContent);
        renewed.Should().NotBeNull().And.NotBe(laptop, "the session that changed the password gets a new cookie");
        (await MeWith(renewed!)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await MeWith(phone)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the change ends the account's other sessions");
        (await MeWith(laptop)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "and the cookie from before it");

        (await browsers.SendAsync(WithCookie(renewed!, HttpMethod.Post, "/logout"), cancellationToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await MeWith(renewed!)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a cookie replayed after its logout is dead");

        var signedIn = await LogInAsync(newPassword);
        (await MeWith(signedIn)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.SendAsync(AsAdmin(HttpMethod.Post, $"/users/{partnerId}/disable"), cancellationToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        var afterDisable = await MeWith(signedIn);
        afterDisable.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the partner's very next request after the disable");
        afterDisable.Headers.GetValues("Set-Cookie").Should().Contain(value => value.StartsWith("usertypes-sample=;", StringComparison.Ordinal), "the cookie is cleared");

        // A burst of parallel guesses from one address meets the rate limiter: at most 10 credential requests a
        // minute (two were the sign-up's, four the sessions'), however many arrive at once. Even if the minute
        // rolls over during the burst, at most 14 of the 20 get through.
        var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            http.SendAsync(Request(HttpMethod.Post, "/login", new { userName = "nobody", password = $"guess number {i}" }), cancellationToken)));
        burst.Select(response => response.StatusCode).Should().OnlyContain(status => status == HttpStatusCode.Unauthorized || status == HttpStatusCode.TooManyRequests);
        burst.Where(response => response.StatusCode == HttpStatusCode.TooManyRequests).Should().HaveCountGreaterThanOrEqualTo(2)
            .And.OnlyContain(response => response.Headers.RetryAfter != null);
    }
}
