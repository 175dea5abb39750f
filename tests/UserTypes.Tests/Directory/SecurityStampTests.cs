using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Directory;

/// <summary>The security stamp moves exactly when an account's existing sessions must end.</summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class SecurityStampTests(StoreKind store) : WorkspaceFixture(store)
{
    private static readonly RightsGrant EditContacts = new() { DataRights = new Dictionary<string, DataRights> { ["contact"] = DataRights.Edit } };

    private UserAccount _staff = null!;

    [SetUp]
    public async Task CreateAccountsAsync()
    {
        _staff = await Host.Users.CreateInternalUserAsync(WorkspaceId, "staff", "staff@softr.io", TestHost.Password);
    }

    [Test]
    public async Task EveryAccount_HasAStampOfItsOwn_OfAtLeast128Bits()
    {
        var other = await Host.Users.CreateInternalUserAsync(WorkspaceId, "other", "other@softr.io", TestHost.Password);

        _staff.SecurityStamp.Should().NotBe(other.SecurityStamp);
        System.Buffers.Text.Base64Url.DecodeFromChars(_staff.SecurityStamp).Should().HaveCountGreaterThanOrEqualTo(16);
        (await Host.Users.FindByIdAsync(WorkspaceId, _staff.Id))!.SecurityStamp.Should().Be(_staff.SecurityStamp);
    }

    [Test]
    public async Task Disabling_MovesTheStamp_EnablingDoesNot()
    {
        var disabled = await Host.Users.SetEnabledAsync(WorkspaceId, _staff.Id, enabled: false);
        var enabled = await Host.Users.SetEnabledAsync(WorkspaceId, _staff.Id, enabled: true);

        disabled.SecurityStamp.Should().NotBe(_staff.SecurityStamp);
        enabled.SecurityStamp.Should().Be(disabled.SecurityStamp);
    }

    [Test]
    public async Task RevokingARight_MovesTheStamp_GrantingOrRevokingNothingDoesNot()
    {
        var granted = await Host.Users.GrantAsync(Admin, _staff.Id, EditContacts);
        var revoked = await Host.Users.RevokeAsync(Admin, _staff.Id, EditContacts);
        var revokedAgain = await Host.Users.RevokeAsync(Admin, _staff.Id, EditContacts);

        granted.SecurityStamp.Should().Be(_staff.SecurityStamp);
        revoked.SecurityStamp.Should().NotBe(granted.SecurityStamp);
        revokedAgain.SecurityStamp.Should().Be(revoked.SecurityStamp);
    }

    [Test]
    public async Task SettingTheAnonymousPassword_MovesItsStamp()
    {
        var first = await Host.Users.SetAnonymousUserAsync(WorkspaceId, "anonymous", TestHost.Password);
        var second = await Host.Users.SetAnonymousUserAsync(WorkspaceId, "anonymous", "another passphrase");

        second.Id.Should().Be(first.Id);
        second.SecurityStamp.Should().NotBe(first.SecurityStamp);
    }

    [Test]
    public async Task ATypeChangeByReclassification_MovesTheStamp_OfThatAccountOnly()
    {
        var changing = await Host.SignUpAsync(WorkspaceId, "james@xyz.com", TestHost.Password);
        var staying = await Host.SignUpAsync(WorkspaceId, "amy@elsewhere.example", TestHost.Password);

        await Host.Workspaces.AddCollaboratorAsync(WorkspaceId, "joanne@xyz.com", CollaboratorRole.Collaborator);

        var changed = (await Host.Users.FindByIdAsync(WorkspaceId, changing.Id))!;
        changed.UserType.Should().Be(UserType.Internal);
        changed.SecurityStamp.Should().NotBe(changing.SecurityStamp);
        (await Host.Users.FindByIdAsync(WorkspaceId, staying.Id))!.SecurityStamp.Should().Be(staying.SecurityStamp);
    }

    [Test]
    public async Task FailedLogins_ALockout_AndASuccessfulLogin_LeaveTheStamp()
    {
        for (var i = 0; i < 5; i++)
        {
            await FluentActions.Awaiting(() => LoginAsync(_staff.UserName, "wrong password")).Should().ThrowAsync<AuthenticationFailedException>();
        }

        var locked = (await Host.Users.FindByIdAsync(WorkspaceId, _staff.Id))!;
        Host.Clock.Advance(TimeSpan.FromMinutes(16));
        await LoginAsync(_staff.UserName, TestHost.Password);

        locked.LockoutEnd.Should().NotBeNull();
        locked.SecurityStamp.Should().Be(_staff.SecurityStamp);
        (await Host.Users.FindByIdAsync(WorkspaceId, _staff.Id))!.SecurityStamp.Should().Be(_staff.SecurityStamp);
    }

    [Test]
    public async Task AnActorWhoseStampMoved_MayNoLongerAct()
    {
        await Host.Users.RevokeSessionsAsync(WorkspaceId, Admin.UserId);

        var grant = () => Host.Users.GrantAsync(Admin, _staff.Id, EditContacts);

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
        Host.Authenticator.AuthenticateAsync(WorkspaceId, new PasswordCredentials(userName, password), ClientKind.WebApplication);
}
