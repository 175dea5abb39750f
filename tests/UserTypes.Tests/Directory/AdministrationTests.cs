using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Directory;

/// <summary>Trusted host calls that find and look after accounts, and the rules on addresses and user names they rely on.</summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class AdministrationTests(StoreKind store) : StoreFixture(store)
{
    private TestHost _host = null!;
    private string _workspace = null!;
    private AuthenticatedUser _admin = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost(o => o.ExternalUsers.Enabled = true);
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io", license: new WorkspaceLicense { ExternalUsers = true });
        _admin = await _host.CreateAdministratorAsync(_workspace);
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    [Test]
    public async Task FindById_And_FindByEmail_FindTheAccount_InAnyCaseOfTheAddress()
    {
        var staff = await _host.Users.CreateInternalUserAsync(_workspace, "staff", "Staff.Member@Softr.io", TestHost.Password);

        (await _host.Users.FindByIdAsync(_workspace, staff.Id)).Should().Be(staff);
        (await _host.Users.FindByEmailAsync(_workspace, "STAFF.member@softr.IO")).Should().Be(staff);
        (await _host.Users.FindByEmailAsync(_workspace, "nobody@softr.io")).Should().BeNull();
        (await _host.Users.FindByIdAsync(_workspace, "no-such-id")).Should().BeNull();
    }

    [Test]
    public async Task Finds_InAnUnknownWorkspace_ThrowWorkspaceNotFound_AndAMalformedAddressNamesIt()
    {
        var byId = () => _host.Users.FindByIdAsync("nowhere", "id");
        var byEmail = () => _host.Users.FindByEmailAsync("nowhere", "a@softr.io");
        var malformed = () => _host.Users.FindByEmailAsync(_workspace, "Staff <staff@softr.io>");

        await byId.Should().ThrowAsync<WorkspaceNotFoundException>();
        await byEmail.Should().ThrowAsync<WorkspaceNotFoundException>();
        (await malformed.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("email");
    }

    [Test]
    public async Task AnAddressBelongsToOneAccount_WhateverItsUserName()
    {
        await _host.Users.CreateInternalUserAsync(_workspace, "first", "shared@softr.io", TestHost.Password);

        var internalAgain = () => _host.Users.CreateInternalUserAsync(_workspace, "second", "SHARED@softr.io", TestHost.Password);
        var external = () => _host.Users.CreateExternalUserAsync(_admin, "person-1", "third", "shared@softr.io", TestHost.Password);

        await internalAgain.Should().ThrowAsync<EmailTakenException>();
        await external.Should().ThrowAsync<EmailTakenException>();
        (await _host.Users.FindByUserNameAsync(_workspace, "second")).Should().BeNull();
        (await _host.SeatsAsync(_workspace)).InternalUsers.Should().Be(2, "the administrator and the first account");
    }

    [Test]
    public async Task ConcurrentCreations_OfOneAddress_CreateExactlyOneAccount()
    {
        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                await _host.Users.CreateInternalUserAsync(_workspace, $"user{i}", "race@softr.io", TestHost.Password);
                return true;
            }
            catch (EmailTakenException)
            {
                return false;
            }
        }));

        var created = await Task.WhenAll(attempts);

        created.Count(c => c).Should().Be(1);
        (await _host.Users.FindByEmailAsync(_workspace, "race@softr.io")).Should().NotBeNull();
    }

    [TestCase("other@softr.io")]
    [TestCase("OTHER@softr.io")]
    public async Task AUserNameThatIsAnotherAddress_IsRefused(string userName)
    {
        var act = () => _host.Users.CreateInternalUserAsync(_workspace, userName, "mine@softr.io", TestHost.Password);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("userName");
        (await _host.Users.FindByEmailAsync(_workspace, "mine@softr.io")).Should().BeNull();
    }

    [Test]
    public async Task AUserNameThatIsTheAccountsOwnAddress_InAnyCase_IsAllowed()
    {
        var account = await _host.Users.CreateInternalUserAsync(_workspace, "Mine@Softr.io", "mine@softr.io", TestHost.Password);

        account.UserName.Should().Be("Mine@Softr.io");
    }

    [Test]
    public async Task TheAnonymousAccount_MayNotBeNamedLikeAnAddress()
    {
        var act = () => _host.Users.SetAnonymousUserAsync(_workspace, "guest@softr.io", TestHost.Password);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("userName");
    }

    [Test]
    public async Task Unlock_EndsALockout_WithoutEndingSessions()
    {
        var staff = await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);
        for (var i = 0; i < 5; i++)
        {
            await FluentActions.Awaiting(() => LoginAsync("staff", "wrong password")).Should().ThrowAsync<AuthenticationFailedException>();
        }

        var locked = (await _host.Users.FindByIdAsync(_workspace, staff.Id))!;
        var unlocked = await _host.Users.UnlockAsync(_workspace, staff.Id);
        var user = await LoginAsync("staff", TestHost.Password);

        locked.LockoutEnd.Should().NotBeNull();
        (unlocked.LockoutEnd, unlocked.AccessFailedCount).Should().Be((null, 0));
        unlocked.SecurityStamp.Should().Be(staff.SecurityStamp);
        user.UserId.Should().Be(staff.Id);
    }

    [Test]
    public async Task RevokeSessions_GivesANewStamp_AndUnknownAccountsAreNamed()
    {
        var staff = await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);

        var revoked = await _host.Users.RevokeSessionsAsync(_workspace, staff.Id);
        var unknown = () => _host.Users.RevokeSessionsAsync(_workspace, "no-such-id");

        revoked.SecurityStamp.Should().NotBe(staff.SecurityStamp);
        (await _host.Users.FindByIdAsync(_workspace, staff.Id))!.SecurityStamp.Should().Be(revoked.SecurityStamp);
        (await unknown.Should().ThrowAsync<AccountNotFoundException>()).Which.UserId.Should().Be("no-such-id");
    }

    [Test]
    public async Task PersonalData_IsTheAccountAsJson_WithoutAnySecret()
    {
        var partner = await _host.Users.CreateExternalUserAsync(_admin, "person-9", "partner", "pat@partner.example", TestHost.Password);
        var stored = await _host.StoredAsync(partner);

        var json = await _host.Users.ExportPersonalDataAsync(_workspace, partner.Id);

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        root.GetProperty("id").GetString().Should().Be(partner.Id);
        root.GetProperty("email").GetString().Should().Be("pat@partner.example");
        root.GetProperty("personId").GetString().Should().Be("person-9");
        root.GetProperty("userType").GetString().Should().Be("External");
        json.Should().NotContain(stored.PasswordHash).And.NotContain(partner.SecurityStamp)
            .And.NotContainAny("hash", "Hash", "stamp", "Stamp", "token", "Token", "password", "Password");
        var missing = () => _host.Users.ExportPersonalDataAsync(_workspace, "no-such-id");
        await missing.Should().ThrowAsync<AccountNotFoundException>();
    }

    private Task<AuthenticatedUser> LoginAsync(string userName, string password) =>
        _host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials(userName, password), ClientKind.WebApplication);
}
