using System.Net;
using UserTypes.Sample.Demo;
using static UserTypes.Tests.Sample.SampleClient;

namespace UserTypes.Tests.Sample;

/// <summary>The sample's invitation and administration endpoints, as an administrator's screen and an invitee use them.</summary>
public sealed class SampleAdministrationTests : SampleFixture
{
    [Test]
    public async Task AnInvitedContactPerson_AcceptsWithTheMailedLink_AndChoosesTheirPassword()
    {
        var contacts = await JsonOf(await Client.SendAsync(AsAdmin(HttpMethod.Get, "/contacts")));
        var quinn = contacts.EnumerateArray().Single(contact => contact.GetProperty("email").GetString() == "quinn@customer.example");
        var personId = quinn.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var invited = await Client.SendAsync(AsAdmin(HttpMethod.Post, "/invitations", new { personId, email = "quinn@customer.example" }));
        var pending = await JsonOf(await Client.SendAsync(AsAdmin(HttpMethod.Get, "/invitations")));
        var accepted = await Client.SendAsync(Request(HttpMethod.Post, "/invitations/accept", new
        {
            email = "quinn@customer.example",
            token = Outbox.TokenFor(Factory.Folder, "quinn@customer.example", "Invitation"),
            userName = "quinn",
            password = "quiet river 1",
        }));
        var login = await Client.SendAsync(Request(HttpMethod.Get, "/me", user: "quinn", password: "quiet river 1"));

        invited.StatusCode.Should().Be(HttpStatusCode.Accepted);
        pending.GetProperty("invitations").GetArrayLength().Should().Be(1);
        pending.ToString().Should().NotContain(Outbox.TokenFor(Factory.Folder, "quinn@customer.example", "Invitation"), "a listing never shows a token");
        accepted.StatusCode.Should().Be(HttpStatusCode.Created);
        (await JsonOf(accepted)).GetProperty("personId").GetString().Should().Be(personId);
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonOf(login)).GetProperty("userType").GetString().Should().Be("External");
    }

    [Test]
    public async Task TheAdministrator_ListsEveryAccountsKeys_AndRevokesOne_WhichIsRefusedAtOnce()
    {
        var created = await JsonOf(await Client.SendAsync(AsPartner(HttpMethod.Post, "/me/api-keys", new { name = "partner sync" })));
        var (id, key) = (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
        HttpRequestMessage WithKey()
        {
            var request = Request(HttpMethod.Get, "/me");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            return request;
        }

        var served = await Client.SendAsync(WithKey());
        var listed = await JsonOf(await Client.SendAsync(AsAdmin(HttpMethod.Get, "/api-keys")));
        var partnerLists = await Client.SendAsync(AsPartner(HttpMethod.Get, "/api-keys"));
        var revoked = await Client.SendAsync(AsAdmin(HttpMethod.Delete, $"/api-keys/{id}"));
        var refused = await Client.SendAsync(WithKey());

        served.StatusCode.Should().Be(HttpStatusCode.OK);
        listed.GetProperty("keys").EnumerateArray().Select(listedKey => listedKey.GetProperty("id").GetString()).Should().Equal(id);
        listed.ToString().Should().NotContain(key, "a listing never shows a key");
        partnerLists.StatusCode.Should().Be(HttpStatusCode.Forbidden, "only administrators see every account's keys");
        revoked.StatusCode.Should().Be(HttpStatusCode.NoContent);
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task ARevokedInvitation_CannotBeAccepted()
    {
        await Client.SendAsync(AsAdmin(HttpMethod.Post, "/invitations", new { personId = "2", email = "quinn@customer.example" }));
        var id = (await JsonOf(await Client.SendAsync(AsAdmin(HttpMethod.Get, "/invitations")))).GetProperty("invitations")[0].GetProperty("id").GetString();

        var revoked = await Client.SendAsync(AsAdmin(HttpMethod.Delete, $"/invitations/{id}"));
        var accepted = await Client.SendAsync(Request(HttpMethod.Post, "/invitations/accept", new
        {
            email = "quinn@customer.example",
            token = Outbox.TokenFor(Factory.Folder, "quinn@customer.example", "Invitation"),
            password = "quiet river 1",
        }));

        revoked.StatusCode.Should().Be(HttpStatusCode.NoContent);
        accepted.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task TheAdministrator_FindsDisablesEnablesAndDeletesAnAccount()
    {
        var found = await JsonOf(await Client.SendAsync(AsAdmin(HttpMethod.Get, "/users?search=PART")));
        var partner = found.GetProperty("users").EnumerateArray().Should().ContainSingle().Subject;
        var id = partner.GetProperty("id").GetString();

        var disabled = await Client.SendAsync(AsAdmin(HttpMethod.Post, $"/users/{id}/disable"));
        var whileDisabled = await Client.SendAsync(AsPartner(HttpMethod.Get, "/me"));
        var enabled = await Client.SendAsync(AsAdmin(HttpMethod.Post, $"/users/{id}/enable"));
        var personalData = await Client.SendAsync(AsAdmin(HttpMethod.Get, $"/users/{id}/personal-data"));
        var deleted = await Client.SendAsync(AsAdmin(HttpMethod.Delete, $"/users/{id}"));
        var gone = await Client.SendAsync(AsAdmin(HttpMethod.Get, $"/users/{id}"));

        partner.GetProperty("userName").GetString().Should().Be(DemoWorkspace.PartnerUserName);
        disabled.StatusCode.Should().Be(HttpStatusCode.OK);
        whileDisabled.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        enabled.StatusCode.Should().Be(HttpStatusCode.OK);
        (await personalData.Content.ReadAsStringAsync()).Should().Contain(DemoWorkspace.PartnerEmail).And.NotContain("$2");
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        gone.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task OnlyAHolderOfManageRights_MayAdminister_AndTheLastOneCannotBeDeleted()
    {
        var byPartner = await Client.SendAsync(AsPartner(HttpMethod.Get, "/users"));
        var admin = (await JsonOf(await Client.SendAsync(AsAdmin(HttpMethod.Get, $"/users?search={DemoWorkspace.AdminUserName}")))).GetProperty("users")[0].GetProperty("id").GetString();
        var lastAdmin = await Client.SendAsync(AsAdmin(HttpMethod.Delete, $"/users/{admin}"));

        byPartner.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        lastAdmin.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task TheAuditTrail_ShowsACollaboratorAndTheAccountsItTurnedInternal_ToAdministratorsOnly()
    {
        var lee = (await JsonOf(await SignUpAsync("lee@fabrikam.example"))).GetProperty("id").GetString();
        var admin = (await JsonOf(await SendAsync(AsAdmin(HttpMethod.Get, "/me")))).GetProperty("userId").GetString();

        var added = await SendAsync(AsAdmin(HttpMethod.Post, "/collaborators", new { email = "dana@fabrikam.example", role = "Collaborator" }));
        var trail = await JsonOf(await SendAsync(AsAdmin(HttpMethod.Get, "/audit?newestFirst=true&pageSize=2")));
        var asPartner = await SendAsync(Request(HttpMethod.Get, "/audit", user: DemoWorkspace.PartnerUserName, password: DemoWorkspace.PartnerPassword));
        var asAnonymous = await SendAsync(Request(HttpMethod.Get, "/audit"));

        added.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var entries = trail.GetProperty("entries").EnumerateArray().ToList();
        entries.Select(entry => entry.GetProperty("action").GetString()).Should().Equal(AuditActions.UserTypeChanged, AuditActions.CollaboratorAdded);
        entries[0].GetProperty("subjectUserId").GetString().Should().Be(lee);
        entries.Should().AllSatisfy(entry => entry.GetProperty("actorUserId").GetString().Should().Be(admin, "the request's user made the change"));
        trail.GetProperty("continuationToken").GetString().Should().NotBeNullOrEmpty();
        trail.ToString().Should().NotContain("@", "the trail holds no address");
        asPartner.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        asAnonymous.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
