using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Directory;

/// <summary>The security stamp moves exactly when an account's existing sessions must end.</summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class SecurityStampTests(StoreKind store) : StoreFixture(store)
{
    private static readonly RightsGrant EditContacts = new() { DataRights = new Dictionary<string, DataRights> { ["contact"] = DataRights.Edit } };

    private TestHost _host = null!;
    private string _workspace = null!;
    private AuthenticatedUser _admin = null!;
    private UserAccount _staff = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost(o => o.ExternalUsers.Enabled = true);
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io", license: new WorkspaceLicense { ExternalUsers = true });
        _admin = await _host.CreateAdministratorAsync(_workspace);
        _staff = await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    [Test]
    public async Task EveryAccount_HasAStampOfItsOwn_OfAtLeast128Bits()
    {
        var other = await _host.Users.CreateInternalUserAsync(_workspace, "other", "other@softr.io", TestHost.Password);

        _staff.SecurityStamp.Should().NotBe(other.SecurityStamp);
        System.Buffers.Text.Base64Url.DecodeFromChars(_staff.SecurityStamp).Should().HaveCountGreaterThanOrEqualTo(16);
        (await _host.Users.FindByIdAsync(_workspace, _staff.Id))!.SecurityStamp.Should().Be(_staff.SecurityStamp);
    }

    [Test]
    public async Task Disabling_MovesTheStamp_EnablingDoesNot()
    {
        var disabled = await _host.Users.SetEnabledAsync(_workspace, _staff.Id, enabled: false);
        var enabled = await _host.Users.SetEnabledAsync(_workspace, _staff.Id, enabled: true);

        disabled.SecurityStamp.Should().NotBe(_staff.SecurityStamp);
        enabled.SecurityStamp.Should().Be(disabled.SecurityStamp);
    }

    [Test]
    public async Task RevokingARight_MovesTheStamp_GrantingOrRevokingNothingDoesNot()
    {
        var granted = await _host.Users.GrantAsync(_admin, _staff.Id, EditContacts);
        var revoked = await _host.Users.RevokeAsync(_admin, _staff.Id, EditContacts);
        var revokedAgain = await _host.Users.RevokeAsync(_admin, _staff.Id, EditContacts);

        granted.SecurityStamp.Should().Be(_staff.SecurityStamp);
        revoked.SecurityStamp.Should().NotBe(granted.SecurityStamp);
        revokedAgain.SecurityStamp.Should().Be(revoked.SecurityStamp);
    }

    [Test]
    public async Task SettingTheAnonymousPassword_MovesItsStamp()
    {
        var first = await _host.Users.SetAnonymousUserAsync(_workspace, "anonymous", TestHost.Password);
        var second = await _host.Users.SetAnonymousUserAsync(_workspace, "anonymous", "another passphrase");

        second.Id.Should().Be(first.Id);
        second.SecurityStamp.Should().NotBe(first.SecurityStamp);
    }

    [Test]
    public async Task ATypeChangeByReclassification_MovesTheStamp_OfThatAccountOnly()
    {
        var changing = await _host.SignUpAsync(_workspace, "james@xyz.com", TestHost.Password);
        var staying = await _host.SignUpAsync(_workspace, "amy@elsewhere.example", TestHost.Password);

        await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);

        var changed = (await _host.Users.FindByIdAsync(_workspace, changing.Id))!;
        changed.UserType.Should().Be(UserType.Internal);
        changed.SecurityStamp.Should().NotBe(changing.SecurityStamp);
        (await _host.Users.FindByIdAsync(_workspace, staying.Id))!.SecurityStamp.Should().Be(staying.SecurityStamp);
    }

    [Test]
    public async Task FailedLogins_ALockout_AndASuccessfulLogin_LeaveTheStamp()
    {
        for (var i = 0; i < 5; i++)
        {
            await FluentActions.Awaiting(() => LoginAsync(_staff.UserName, "wrong password")).Should().ThrowAsync<AuthenticationFailedException>();
        }

        var locked = (await _host.Users.FindByIdAsync(_workspace, _staff.Id))!;
        _host.Clock.Advance(TimeSpan.FromMinutes(16));
        await LoginAsync(_staff.UserName, TestHost.Password);

        locked.LockoutEnd.Should().NotBeNull();
        locked.SecurityStamp.Should().Be(_staff.SecurityStamp);
        (await _host.Users.FindByIdAsync(_workspace, _staff.Id))!.SecurityStamp.Should().Be(_staff.SecurityStamp);
    }

    [Test]
    public async Task AnActorWhoseStampMoved_MayNoLongerAct()
    {
        await _host.Users.RevokeSessionsAsync(_workspace, _admin.UserId);

        var grant = () => _host.Users.GrantAsync(_admin, _staff.Id, EditContacts);

        (await grant.Should().ThrowAsync<AccessDeniedException>()).Which.Message.Should().Contain("sign in again");
    }

    [Test]
    public async Task TheAuthenticatedUser_CarriesTheStamp_ThroughItsPrincipal()
    {
        var user = await LoginAsync(_staff.UserName, TestHost.Password);

        var restored = AuthenticatedUser.FromPrincipal(user.ToClaimsPrincipal());

        user.SecurityStamp.Should().Be(_staff.SecurityStamp);
        restored!.SecurityStamp.Should().Be(_staff.SecurityStamp);
    }

    private Task<AuthenticatedUser> LoginAsync(string userName, string password) =>
        _host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials(userName, password), ClientKind.WebApplication);
}
