using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Directory;

/// <summary>Trusted host calls that find and look after accounts, and the rules on addresses and user names they rely on.</summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class AdministrationTests(StoreKind store) : WorkspaceFixture(store)
{

    [Test]
    public async Task FindById_And_FindByEmail_FindTheAccount_InAnyCaseOfTheAddress()
    {
        var staff = await Host.Users.CreateInternalUserAsync(WorkspaceId, "staff", "Staff.Member@Softr.io", TestHost.Password);

        (await Host.Users.FindByIdAsync(WorkspaceId, staff.Id)).Should().Be(staff);
        (await Host.Users.FindByEmailAsync(WorkspaceId, "STAFF.member@softr.IO")).Should().Be(staff);
        (await Host.Users.FindByEmailAsync(WorkspaceId, "nobody@softr.io")).Should().BeNull();
        (await Host.Users.FindByIdAsync(WorkspaceId, "no-such-id")).Should().BeNull();
    }

    [Test]
    public async Task Finds_InAnUnknownWorkspace_ThrowWorkspaceNotFound_AndAMalformedAddressNamesIt()
    {
        var byId = () => Host.Users.FindByIdAsync("nowhere", "id");
        var byEmail = () => Host.Users.FindByEmailAsync("nowhere", "a@softr.io");
        var malformed = () => Host.Users.FindByEmailAsync(WorkspaceId, "Staff <staff@softr.io>");

        await byId.Should().ThrowAsync<WorkspaceNotFoundException>();
        await byEmail.Should().ThrowAsync<WorkspaceNotFoundException>();
        (await malformed.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("email");
    }

    [Test]
    public async Task AnAddressBelongsToOneAccount_WhateverItsUserName()
    {
        await Host.Users.CreateInternalUserAsync(WorkspaceId, "first", "shared@softr.io", TestHost.Password);

        var internalAgain = () => Host.Users.CreateInternalUserAsync(WorkspaceId, "second", "SHARED@softr.io", TestHost.Password);
        var external = () => Host.Users.CreateExternalUserAsync(Admin, "person-1", "third", "shared@softr.io", TestHost.Password);

        await internalAgain.Should().ThrowAsync<EmailTakenException>();
        await external.Should().ThrowAsync<EmailTakenException>();
        (await Host.Users.FindByUserNameAsync(WorkspaceId, "second")).Should().BeNull();
        (await Host.SeatsAsync(WorkspaceId)).InternalUsers.Should().Be(2, "the administrator and the first account");
    }

    [Test]
    public async Task ConcurrentCreations_OfOneAddress_CreateExactlyOneAccount()
    {
        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                await Host.Users.CreateInternalUserAsync(WorkspaceId, $"user{i}", "race@softr.io", TestHost.Password);
                return true;
            }
            catch (EmailTakenException)
            {
                return false;
            }
        }));

        var created = await Task.WhenAll(attempts);

        created.Count(c => c).Should().Be(1);
        (await Host.Users.FindByEmailAsync(WorkspaceId, "race@softr.io")).Should().NotBeNull();
    }

    [TestCase("other@softr.io")]
    [TestCase("OTHER@softr.io")]
    public async Task AUserNameThatIsAnotherAddress_IsRefused(string userName)
    {
        var act = () => Host.Users.CreateInternalUserAsync(WorkspaceId, userName, "mine@softr.io", TestHost.Password);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("userName");
        (await Host.Users.FindByEmailAsync(WorkspaceId, "mine@softr.io")).Should().BeNull();
    }

    [Test]
    public async Task AUserNameThatIsTheAccountsOwnAddress_InAnyCase_IsAllowed()
    {
        var account = await Host.Users.CreateInternalUserAsync(WorkspaceId, "Mine@Softr.io", "mine@softr.io", TestHost.Password);

        account.UserName.Should().Be("Mine@Softr.io");
    }

    [Test]
    public async Task TheAnonymousAccount_MayNotBeNamedLikeAnAddress()
    {
        var act = () => Host.Users.SetAnonymousUserAsync(WorkspaceId, "guest@softr.io", TestHost.Password);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("userName");
    }

    [Test]
    public async Task Unlock_EndsALockout_WithoutEndingSessions()
    {
        var staff = await Host.Users.CreateInternalUserAsync(WorkspaceId, "staff", "staff@softr.io", TestHost.Password);
        for (var i = 0; i < 5; i++)
        {
            await FluentActions.Awaiting(() => LoginAsync("staff", "wrong password")).Should().ThrowAsync<AuthenticationFailedException>();
        }

        var locked = (await Host.Users.FindByIdAsync(WorkspaceId, staff.Id))!;
        var unlocked = await Host.Users.UnlockAsync(WorkspaceId, staff.Id);
        var user = await LoginAsync("staff", TestHost.Password);

        locked.LockoutEnd.Should().NotBeNull();
        (unlocked.LockoutEnd, unlocked.AccessFailedCount).Should().Be((null, 0));
        unlocked.SecurityStamp.Should().Be(staff.SecurityStamp);
        user.UserId.Should().Be(staff.Id);
    }

    [Test]
    public async Task RevokeSessions_GivesANewStamp_AndUnknownAccountsAreNamed()
    {
        var staff = await Host.Users.CreateInternalUserAsync(WorkspaceId, "staff", "staff@softr.io", TestHost.Password);

        var revoked = await Host.Users.RevokeSessionsAsync(WorkspaceId, staff.Id);
        var unknown = () => Host.Users.RevokeSessionsAsync(WorkspaceId, "no-such-id");

        revoked.SecurityStamp.Should().NotBe(staff.SecurityStamp);
        (await Host.Users.FindByIdAsync(WorkspaceId, staff.Id))!.SecurityStamp.Should().Be(revoked.SecurityStamp);
        (await unknown.Should().ThrowAsync<AccountNotFoundException>()).Which.UserId.Should().Be("no-such-id");
    }

    [Test]
    public async Task PersonalData_IsTheAccountAsJson_WithoutAnySecret()
    {
        var partner = await Host.Users.CreateExternalUserAsync(Admin, "person-9", "partner", "pat@partner.example", TestHost.Password);
        var stored = await Host.StoredAsync(partner);

        var json = await Host.Users.ExportPersonalDataAsync(WorkspaceId, partner.Id);

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        root.GetProperty("id").GetString().Should().Be(partner.Id);
        root.GetProperty("email").GetString().Should().Be("pat@partner.example");
        root.GetProperty("personId").GetString().Should().Be("person-9");
        root.GetProperty("userType").GetString().Should().Be("External");
        json.Should().NotContain(stored.PasswordHash).And.NotContain(partner.SecurityStamp)
            .And.NotContainAny("hash", "Hash", "stamp", "Stamp", "token", "Token", "password", "Password");
        var missing = () => Host.Users.ExportPersonalDataAsync(WorkspaceId, "no-such-id");
        await missing.Should().ThrowAsync<AccountNotFoundException>();
    }

    private Task<AuthenticatedUser> LoginAsync(string userName, string password) =>
        Host.Authenticator.AuthenticateAsync(WorkspaceId, new PasswordCredentials(userName, password), ClientKind.WebApplication);
}
