using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Directory;

/// <summary>Moving an account to a new address, proven by a mailed token, on every store.</summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class EmailChangeTests(StoreKind store) : StoreFixture(store)
{
    private TestHost _host = null!;
    private string _workspace = null!;
    private UserAccount _james = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost(o => o.ExternalUsers.Enabled = true);
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io", license: new WorkspaceLicense { ExternalUsers = true });
        _james = await _host.SignUpAsync(_workspace, "james@softr.io");
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    [Test]
    public async Task Confirming_MovesTheAddressAndTheUserName_RetypesAClassifiedAccount_AndNotifiesTheOldAddress()
    {
        await RequestAsync("james@elsewhere.example");
        var keptMeanwhile = (await _host.Users.FindByIdAsync(_workspace, _james.Id))!;

        var moved = await _host.Users.ConfirmEmailChangeAsync(_workspace, _james.Id, _host.Mailer.TokenFor("james@elsewhere.example", AccountMailKind.EmailChange));

        keptMeanwhile.Email.Should().Be("james@softr.io", "the account keeps its address until the new one is proven");
        (moved.Email, moved.UserName, moved.UserType, moved.EmailConfirmed).Should().Be(("james@elsewhere.example", "james@elsewhere.example", UserType.External, true));
        moved.SecurityStamp.Should().NotBe(_james.SecurityStamp);
        _host.Mailer.To("james@softr.io")[^1].Kind.Should().Be(AccountMailKind.EmailChanged);
        (await _host.SeatsAsync(_workspace)).Should().BeEquivalentTo(new { InternalUsers = 0, ExternalUsers = 1 });
    }

    [Test]
    public async Task AnAssignedAccount_KeepsItsTypeAndUserName()
    {
        var staff = await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);
        var user = await _host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("staff", TestHost.Password), ClientKind.WebApplication);

        await _host.Users.RequestEmailChangeAsync(user, TestHost.Password, "staff@elsewhere.example");
        var moved = await _host.Users.ConfirmEmailChangeAsync(_workspace, staff.Id, _host.Mailer.TokenFor("staff@elsewhere.example", AccountMailKind.EmailChange));

        (moved.Email, moved.UserName, moved.UserType).Should().Be(("staff@elsewhere.example", "staff", UserType.Internal));
    }

    [Test]
    public async Task AWrongCurrentPassword_IsAFailedLogin_AndSendsNothing()
    {
        var user = await LoginAsync();

        var act = () => _host.Users.RequestEmailChangeAsync(user, "not the password", "james@elsewhere.example");

        (await act.Should().ThrowAsync<AuthenticationFailedException>()).Which.Reason.Should().Be(AuthenticationFailureReason.InvalidCredentials);
        _host.Mailer.To("james@elsewhere.example").Should().BeEmpty();
        (await _host.Users.FindByIdAsync(_workspace, _james.Id))!.AccessFailedCount.Should().Be(1);
    }

    [Test]
    public async Task AnAddressTakenMeanwhile_RefusesTheToken_AndChangesNothing()
    {
        await RequestAsync("taken@softr.io");
        await _host.SignUpAsync(_workspace, "taken@softr.io");

        var act = () => _host.Users.ConfirmEmailChangeAsync(_workspace, _james.Id, _host.Mailer.TokenFor("taken@softr.io", AccountMailKind.EmailChange));

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
        (await _host.Users.FindByIdAsync(_workspace, _james.Id))!.Email.Should().Be("james@softr.io");
    }

    [Test]
    public async Task ATokenIsVoidedByAStampChange_AndWorksOnlyForItsAccount()
    {
        await RequestAsync("james@new.example");
        var token = _host.Mailer.TokenFor("james@new.example", AccountMailKind.EmailChange);
        var other = await _host.SignUpAsync(_workspace, "other@softr.io");

        var otherAccount = () => _host.Users.ConfirmEmailChangeAsync(_workspace, other.Id, token);
        await otherAccount.Should().ThrowAsync<ArgumentException>();
        await _host.Users.RevokeSessionsAsync(_workspace, _james.Id);
        var voided = () => _host.Users.ConfirmEmailChangeAsync(_workspace, _james.Id, token);

        (await voided.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
        (await _host.Users.FindByIdAsync(_workspace, _james.Id))!.Email.Should().Be("james@softr.io");
    }

    [Test]
    public async Task WithoutASeatOfTheNewType_NothingChanges_AndTheTokenStaysUsable()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { ExternalUsers = true, MaxExternalUsers = 0 });
        await RequestAsync("james@elsewhere.example");
        var token = _host.Mailer.TokenFor("james@elsewhere.example", AccountMailKind.EmailChange);

        var full = () => _host.Users.ConfirmEmailChangeAsync(_workspace, _james.Id, token);
        await full.Should().ThrowAsync<SeatLimitExceededException>();
        await _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { ExternalUsers = true });

        (await _host.Users.ConfirmEmailChangeAsync(_workspace, _james.Id, token)).Email.Should().Be("james@elsewhere.example");
    }

    private async Task RequestAsync(string newEmail) =>
        await _host.Users.RequestEmailChangeAsync(await LoginAsync(), TestHost.Password, newEmail);

    private Task<AuthenticatedUser> LoginAsync() =>
        _host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("james@softr.io", TestHost.Password), ClientKind.WebApplication);
}
