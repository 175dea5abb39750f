using System.Net;
using System.Net.Http.Json;
using UserTypes.Sample.Demo;
using static UserTypes.Tests.Sample.SampleClient;

namespace UserTypes.Tests.Sample;

public sealed class SampleFlowTests : SampleFixture
{
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
            "POST" => new { contactId = 2, userName = "quinn", password = "quiet river 1" },
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

        var response = await Client.GetAsync("/workspaces/another/contacts");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task SignUp_IsEmailFirst_AndTheMailedLinkCreatesAnInternalAccountThatLogsIn()
    {
        var email = $"sam@hr.{DemoWorkspace.SignupDomain}";
        var requested = await SendAsync(Request(HttpMethod.Post, "/signup", new { email }));
        var beforeCompleting = await SendAsync(Request(HttpMethod.Post, "/login", new { userName = email, password = "sunny hill 1" }));
        var completed = await SendAsync(Request(HttpMethod.Post, "/signup/complete", new { email, token = Outbox.TokenFor(Factory.Folder, email, "SignUp"), password = "sunny hill 1" }));
        var login = await SendAsync(Request(HttpMethod.Post, "/login", new { userName = email, password = "sunny hill 1" }));

        requested.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await requested.Content.ReadAsStringAsync()).Should().BeEmpty("no response ever carries a token");
        beforeCompleting.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        completed.StatusCode.Should().Be(HttpStatusCode.Created);
        (await JsonOf(completed)).GetProperty("userType").GetString().Should().Be("Internal");
        login.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task SignUp_OfAnAddressWithAnAccount_Is202AsEver_AndOnlyTheMailboxLearnsIt()
    {
        var known = await SendAsync(Request(HttpMethod.Post, "/signup", new { email = DemoWorkspace.AdminEmail }));
        var unknown = await SendAsync(Request(HttpMethod.Post, "/signup", new { email = "nobody@acme.example" }));

        (known.StatusCode, unknown.StatusCode).Should().Be((HttpStatusCode.Accepted, HttpStatusCode.Accepted));
        (await known.Content.ReadAsStringAsync()).Should().Be(await unknown.Content.ReadAsStringAsync());
        Outbox.To(Factory.Folder, DemoWorkspace.AdminEmail).Select(mail => mail.Kind).Should().Equal("AlreadyRegistered");
        Outbox.To(Factory.Folder, "nobody@acme.example").Select(mail => mail.Kind).Should().Equal("SignUp");
    }

    [TestCase("lee@contoso.example", "Internal")]       // a collaborator's domain
    [TestCase("lee@acme.example", "Internal")]          // the owner's domain
    [TestCase("lee@agency.example", "External")]        // a guest's domain never counts
    [TestCase("lee@gmail.com", "External")]
    [TestCase("lee@notacme-labs.example", "External")]  // not under the signup domain
    public async Task SignUp_TheAddressDecidesTheType(string email, string expected)
    {
        var response = await SignUpAsync(email);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await JsonOf(response)).GetProperty("userType").GetString().Should().Be(expected);
    }

    [Test]
    public async Task SignUp_PastTheExternalSeatLimit_Is409_AndCreatesNothing()
    {
        var free = DemoWorkspace.License.MaxExternalUsers!.Value - 1;   // the partner holds one seat
        for (var i = 0; i < free; i++)
        {
            (await SignUpAsync($"applicant{i}@elsewhere.example")).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var refused = await SignUpAsync("one.too.many@elsewhere.example");
        var seats = await JsonOf(await SendAsync(AsAdmin(HttpMethod.Get, "/seats")));

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await JsonOf(refused)).GetProperty("detail").GetString().Should().Contain("seat");
        seats.GetProperty("externalUsers").GetInt32().Should().Be(DemoWorkspace.License.MaxExternalUsers);
    }

    [Test]
    public async Task PasswordReset_ByTheMailedLink_SetsANewPassword_AndEndsTheOldOne()
    {
        // A signed-up account has proven its address, so a reset goes to it.
        const string Email = "sam@acme.example";
        (await SignUpAsync(Email)).StatusCode.Should().Be(HttpStatusCode.Created);
        var requested = await SendAsync(Request(HttpMethod.Post, "/password-reset", new { email = Email }));
        var reset = await SendAsync(Request(HttpMethod.Post, "/password-reset/complete", new
        {
            email = Email,
            token = Outbox.TokenFor(Factory.Folder, Email, "PasswordReset"),
            newPassword = "a brand new passphrase",
        }));
        var oldPassword = await SendAsync(Request(HttpMethod.Post, "/login", new { userName = Email, password = "lemon tree 1" }));
        var newPassword = await SendAsync(Request(HttpMethod.Post, "/login", new { userName = Email, password = "a brand new passphrase" }));
        var unknown = await SendAsync(Request(HttpMethod.Post, "/password-reset", new { email = "nobody@acme.example" }));

        (requested.StatusCode, reset.StatusCode, unknown.StatusCode).Should().Be((HttpStatusCode.Accepted, HttpStatusCode.NoContent, HttpStatusCode.Accepted));
        (oldPassword.StatusCode, newPassword.StatusCode).Should().Be((HttpStatusCode.Unauthorized, HttpStatusCode.OK));
        Outbox.To(Factory.Folder, Email).Select(mail => mail.Kind).Should().Equal("SignUp", "PasswordReset", "PasswordChanged");
        Outbox.To(Factory.Folder, "nobody@acme.example").Select(mail => mail.Kind).Should().Equal("NoAccount");
    }

    [Test]
    public async Task PasswordChange_NeedsTheCurrentPassword()
    {
        var wrong = await SendAsync(AsPartner(HttpMethod.Post, "/me/password", new { currentPassword = "not it", newPassword = "another passphrase" }));
        var changed = await SendAsync(AsPartner(HttpMethod.Post, "/me/password", new { currentPassword = DemoWorkspace.PartnerPassword, newPassword = "another passphrase" }));
        var oldPassword = await SendAsync(AsPartner(HttpMethod.Get, "/me"));

        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        changed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        oldPassword.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task EmailChange_ByTheLinkMailedToTheNewAddress_MovesTheAccount_AndTellsTheOldOne()
    {
        var requested = await SendAsync(AsPartner(HttpMethod.Post, "/me/email", new { currentPassword = DemoWorkspace.PartnerPassword, newEmail = "pat@new-partner.example" }));
        var mail = Outbox.To(Factory.Folder, "pat@new-partner.example").Should().ContainSingle().Subject.Text;
        var userId = System.Text.RegularExpressions.Regex.Match(mail, "userId=([^&]+)").Groups[1].Value;
        var confirmed = await SendAsync(Request(HttpMethod.Post, "/me/email/confirm", new { userId, token = Outbox.TokenFor(Factory.Folder, "pat@new-partner.example", "EmailChange") }));

        requested.StatusCode.Should().Be(HttpStatusCode.Accepted);
        confirmed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonOf(confirmed)).GetProperty("email").GetString().Should().Be("pat@new-partner.example");
        Outbox.To(Factory.Folder, DemoWorkspace.PartnerEmail).Select(sent => sent.Kind).Should().Equal("EmailChanged");
    }

    [TestCase("not an address")]
    [TestCase("Mallory <mallory@acme.example>")]
    [TestCase("mallory@acme.example\u0000")]
    public async Task SignUp_WithAHostileAddress_Is400_AndCreatesNothing(string email)
    {
        var response = await SendAsync(Request(HttpMethod.Post, "/signup", new { email }));
        var seats = await JsonOf(await SendAsync(AsAdmin(HttpMethod.Get, "/seats")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonOf(response)).GetProperty("detail").GetString().Should().Contain("email");
        seats.GetProperty("internalUsers").GetInt32().Should().Be(1);
        seats.GetProperty("externalUsers").GetInt32().Should().Be(1);
    }

    [Test]
    public async Task TheAdmin_GivesAContactPersonALogin_AsAnExternalUser()
    {
        var created = await SendAsync(AsAdmin(HttpMethod.Post, "/external-users", new { contactId = 2, userName = "quinn", password = "quiet river 1" }));
        var me = await JsonOf(await SendAsync(Request(HttpMethod.Get, "/me", user: "quinn", password: "quiet river 1")));

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
        var response = await SendAsync(AsAdmin(HttpMethod.Post, "/external-users", new { contactId = 999, userName = "ghost", password = "gray mist 1" }));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await SendAsync(Request(HttpMethod.Get, "/me", user: "ghost", password: "gray mist 1"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
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
