using System.Net;
using System.Net.Http.Json;
using UserTypes.Sample.Demo;
using static UserTypes.Tests.Sample.SampleClient;

namespace UserTypes.Tests.Sample;

public sealed class SampleFlowTests
{
    private SampleFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new SampleFactory();
        _client = _factory.CreateClient();
    }

    [TearDown]
    public async Task TearDown()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _client.SendAsync(request);

    private static object NewContact => new { name = "Ada Lovelace", email = "ada@example.com" };

    [Test]
    public async Task Anonymous_MayViewContacts()
    {
        var response = await SendAsync(Request(HttpMethod.Get, "/contacts"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonOf(response)).GetArrayLength().Should().Be(DemoWorkspace.Contacts.Count);
    }

    [TestCase("POST", "/contacts")]
    [TestCase("PUT", "/contacts/1")]
    [TestCase("DELETE", "/contacts/1")]
    public async Task Anonymous_MayNotWrite_AndNothingChanges(string method, string path)
    {
        var response = await SendAsync(Request(new HttpMethod(method), path, method == "DELETE" ? null : NewContact));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var contacts = await JsonOf(await SendAsync(AsAdmin(HttpMethod.Get, "/contacts")));
        contacts.EnumerateArray().Select(c => c.GetProperty("name").GetString()).Should().Equal(DemoWorkspace.Contacts.Select(c => c.Name));
    }

    [Test]
    public async Task Anonymous_Me_IsTheImplicitAnonymousUser_WithViewOnly()
    {
        var me = await JsonOf(await SendAsync(Request(HttpMethod.Get, "/me")));

        me.GetProperty("userType").GetString().Should().Be("Anonymous");
        me.GetProperty("isImplicitAnonymous").GetBoolean().Should().BeTrue();
        me.GetProperty("functionalRights").GetArrayLength().Should().Be(0);
        me.GetProperty("dataRights").GetProperty("*").GetString().Should().Be("View");
    }

    [Test]
    public async Task ExternalPartner_ThroughTheServiceScheme_MayViewAndEditContacts()
    {
        var me = await JsonOf(await SendAsync(AsPartner(HttpMethod.Get, "/me")));
        var list = await SendAsync(AsPartner(HttpMethod.Get, "/contacts"));
        var edit = await SendAsync(AsPartner(HttpMethod.Put, "/contacts/2", NewContact));

        me.GetProperty("userType").GetString().Should().Be("External");
        me.GetProperty("dataRights").GetProperty("contact").GetString().Should().Be("View, Edit");
        list.StatusCode.Should().Be(HttpStatusCode.OK);
        edit.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonOf(await SendAsync(AsPartner(HttpMethod.Get, "/contacts/2")))).GetProperty("name").GetString().Should().Be("Ada Lovelace");
    }

    [TestCase("POST", "/contacts")]
    [TestCase("DELETE", "/contacts/2")]
    [TestCase("GET", "/seats")]
    [TestCase("POST", "/external-users")]
    public async Task ExternalPartner_IsRefusedWhatTheirRightsDoNotCover(string method, string path)
    {
        var body = method switch
        {
            "POST" when path == "/contacts" => NewContact,
            "POST" => new { contactId = 2, userName = "quinn", password = "quinn passphrase 1" },
            _ => null,
        };

        var response = await SendAsync(AsPartner(new HttpMethod(method), path, body));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await SendAsync(AsAdmin(HttpMethod.Get, "/contacts/2"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase(DemoWorkspace.PartnerUserName, "wrong password")]
    [TestCase("nobody", "wrong password")]
    [TestCase(DemoWorkspace.AnonymousUserName, "wrong password")]
    public async Task AWrongPassword_Is401_WithAChallengeAndOnlyTheGenericMessage(string user, string password)
    {
        var response = await SendAsync(Request(HttpMethod.Get, "/contacts", user: user, password: password));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Single().Scheme.Should().Be("Basic");
        var problem = await JsonOf(response);
        problem.GetProperty("detail").GetString().Should().Be(AuthenticationFailedException.GenericMessage);
        (await response.Content.ReadAsStringAsync()).Should().NotContainAny(user, "locked", "unknown");
    }

    [Test]
    public async Task WebLogin_SetsACookieThatActsAsTheInternalAdmin_UntilLogout()
    {
        var login = await SendAsync(Request(HttpMethod.Post, "/login", new { userName = DemoWorkspace.AdminUserName, password = DemoWorkspace.AdminPassword }));
        var seats = await SendAsync(Request(HttpMethod.Get, "/seats"));
        var delete = await SendAsync(Request(HttpMethod.Delete, "/contacts/3"));
        await SendAsync(Request(HttpMethod.Post, "/logout"));
        var afterLogout = await SendAsync(Request(HttpMethod.Get, "/seats"));

        login.StatusCode.Should().Be(HttpStatusCode.OK);
        login.Headers.GetValues("Set-Cookie").Single().Should().Contain("httponly").And.Contain("samesite=strict");
        (await JsonOf(login)).GetProperty("userType").GetString().Should().Be("Internal");
        seats.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonOf(seats)).GetProperty("maxExternalUsers").GetInt32().Should().Be(DemoWorkspace.License.MaxExternalUsers);
        delete.StatusCode.Should().Be(HttpStatusCode.NoContent);
        afterLogout.StatusCode.Should().Be(HttpStatusCode.Forbidden, "without the cookie the caller is the anonymous user again");
    }

    [TestCase(DemoWorkspace.Id, DemoWorkspace.AdminUserName, "wrong password")]
    [TestCase(DemoWorkspace.Id, "nobody", DemoWorkspace.AdminPassword)]
    [TestCase("no-such-workspace", DemoWorkspace.AdminUserName, DemoWorkspace.AdminPassword)]
    public async Task AFailedWebLogin_Is401_WithTheSameGenericMessage_AndNoCookie(string workspace, string user, string password)
    {
        var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/workspaces/{workspace}/login")
        {
            Content = JsonContent.Create(new { userName = user, password }),
        });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await JsonOf(response)).GetProperty("detail").GetString().Should().Be(AuthenticationFailedException.GenericMessage);
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    [Test]
    public async Task TheAdminsCookie_OpensNothingInAnotherWorkspace()
    {
        await SendAsync(Request(HttpMethod.Post, "/login", new { userName = DemoWorkspace.AdminUserName, password = DemoWorkspace.AdminPassword }));

        var response = await _client.GetAsync("/workspaces/another/contacts");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task SignUp_AtTheSignupDomain_IsInternal_AndLogsInOnlyOnceConfirmed()
    {
        var credentials = new { userName = $"sam@hr.{DemoWorkspace.SignupDomain}", password = "sam passphrase 1" };
        var signUp = await SendAsync(Request(HttpMethod.Post, "/signup", new { email = credentials.userName, credentials.password }));
        var created = await JsonOf(signUp);
        var beforeConfirming = await SendAsync(Request(HttpMethod.Post, "/login", credentials));
        var confirm = await SendAsync(Request(HttpMethod.Post, "/signup/confirm", new
        {
            userId = created.GetProperty("account").GetProperty("id").GetString(),
            token = created.GetProperty("emailConfirmationToken").GetString(),
        }));
        var afterConfirming = await SendAsync(Request(HttpMethod.Post, "/login", credentials));

        signUp.StatusCode.Should().Be(HttpStatusCode.Created);
        created.GetProperty("account").GetProperty("userType").GetString().Should().Be("Internal");
        beforeConfirming.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        confirm.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonOf(confirm)).GetProperty("emailConfirmed").GetBoolean().Should().BeTrue();
        afterConfirming.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("lee@contoso.example", "Internal")]       // a collaborator's domain
    [TestCase("lee@acme.example", "Internal")]          // the owner's domain
    [TestCase("lee@agency.example", "External")]        // a guest's domain never counts
    [TestCase("lee@gmail.com", "External")]
    [TestCase("lee@notacme-labs.example", "External")]  // not under the signup domain
    public async Task SignUp_TheAddressDecidesTheType(string email, string expected)
    {
        var response = await SendAsync(Request(HttpMethod.Post, "/signup", new { email, password = "lee passphrase 1" }));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await JsonOf(response)).GetProperty("account").GetProperty("userType").GetString().Should().Be(expected);
    }

    [Test]
    public async Task SignUp_PastTheExternalSeatLimit_Is409_AndCreatesNothing()
    {
        var free = DemoWorkspace.License.MaxExternalUsers!.Value - 1;   // the partner holds one seat
        for (var i = 0; i < free; i++)
        {
            (await SendAsync(Request(HttpMethod.Post, "/signup", new { email = $"applicant{i}@elsewhere.example", password = "applicant passphrase" })))
                .StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var refused = await SendAsync(Request(HttpMethod.Post, "/signup", new { email = "one.too.many@elsewhere.example", password = "applicant passphrase" }));
        var seats = await JsonOf(await SendAsync(AsAdmin(HttpMethod.Get, "/seats")));

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await JsonOf(refused)).GetProperty("detail").GetString().Should().Contain("seat");
        seats.GetProperty("externalUsers").GetInt32().Should().Be(DemoWorkspace.License.MaxExternalUsers);
    }

    [TestCase("not an address")]
    [TestCase("Mallory <mallory@acme.example>")]
    [TestCase("mallory@acme.example\u0000")]
    public async Task SignUp_WithAHostileAddress_Is400_AndCreatesNothing(string email)
    {
        var response = await SendAsync(Request(HttpMethod.Post, "/signup", new { email, password = "mallory passphrase" }));
        var seats = await JsonOf(await SendAsync(AsAdmin(HttpMethod.Get, "/seats")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonOf(response)).GetProperty("detail").GetString().Should().Contain("email");
        seats.GetProperty("internalUsers").GetInt32().Should().Be(1);
        seats.GetProperty("externalUsers").GetInt32().Should().Be(1);
    }

    [Test]
    public async Task TheAdmin_GivesAContactPersonALogin_AsAnExternalUser()
    {
        var created = await SendAsync(AsAdmin(HttpMethod.Post, "/external-users", new { contactId = 2, userName = "quinn", password = "quinn passphrase 1" }));
        var me = await JsonOf(await SendAsync(Request(HttpMethod.Get, "/me", user: "quinn", password: "quinn passphrase 1")));

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var account = await JsonOf(created);
        account.GetProperty("userType").GetString().Should().Be("External");
        account.GetProperty("personId").GetString().Should().Be("2");
        account.GetProperty("email").GetString().Should().Be("quinn@customer.example");
        me.GetProperty("userType").GetString().Should().Be("External");
    }

    [Test]
    public async Task CreatingAnExternalUser_FromAContactOfNoOne_Is404()
    {
        var response = await SendAsync(AsAdmin(HttpMethod.Post, "/external-users", new { contactId = 999, userName = "ghost", password = "ghost passphrase 1" }));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await SendAsync(Request(HttpMethod.Get, "/me", user: "ghost", password: "ghost passphrase 1"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AnInvalidContact_Is400_AndNothingIsWritten()
    {
        var response = await SendAsync(AsAdmin(HttpMethod.Post, "/contacts", new { name = "", email = "no at sign" }));
        var contacts = await JsonOf(await SendAsync(AsAdmin(HttpMethod.Get, "/contacts")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await JsonOf(response)).GetProperty("errors");
        errors.TryGetProperty("name", out _).Should().BeTrue();
        errors.TryGetProperty("email", out _).Should().BeTrue();
        contacts.GetArrayLength().Should().Be(DemoWorkspace.Contacts.Count);
    }

    [Test]
    public async Task TheAdmin_CreatesEditsAndDeletesAContact()
    {
        var created = await SendAsync(AsAdmin(HttpMethod.Post, "/contacts", NewContact));
        var location = created.Headers.Location!.ToString();
        var id = (await JsonOf(created)).GetProperty("id").GetInt64();
        var edited = await SendAsync(AsAdmin(HttpMethod.Put, $"/contacts/{id}", new { name = "Ada King", email = "ada@example.com" }));
        var deleted = await SendAsync(AsAdmin(HttpMethod.Delete, $"/contacts/{id}"));
        var gone = await SendAsync(AsAdmin(HttpMethod.Get, $"/contacts/{id}"));

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        location.Should().Be($"{WorkspacePath}/contacts/{id}");
        edited.StatusCode.Should().Be(HttpStatusCode.OK);
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        gone.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
