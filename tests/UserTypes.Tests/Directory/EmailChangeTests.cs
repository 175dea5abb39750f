using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Directory;

/// <summary>Moving an account to a new address, proven by a mailed token, on every store.</summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class EmailChangeTests(StoreKind store) : WorkspaceFixture(store)
{
    private UserAccount _james = null!;

    [SetUp]
    public async Task CreateAccountsAsync()
    {
        _james = await Host.SignUpAsync(WorkspaceId, "james@softr.io");
    }

    [Test]
    public async Task Confirming_MovesTheAddressAndTheUserName_RetypesAClassifiedAccount_AndNotifiesTheOldAddress()
    {
        await RequestAsync("james@elsewhere.example");
        var keptMeanwhile = (await Host.Users.FindByIdAsync(WorkspaceId, _james.Id))!;

        var moved = await Host.Users.ConfirmEmailChangeAsync(WorkspaceId, _james.Id, Host.Mailer.TokenFor("james@elsewhere.example", AccountMailKind.EmailChange));

        keptMeanwhile.Email.Should().Be("james@softr.io", "the account keeps its address until the new one is proven");
        (moved.Email, moved.UserName, moved.UserType, moved.EmailConfirmed).Should().Be(("james@elsewhere.example", "james@elsewhere.example", UserType.External, true));
        moved.SecurityStamp.Should().NotBe(_james.SecurityStamp);
        Host.Mailer.To("james@softr.io")[^1].Kind.Should().Be(AccountMailKind.EmailChanged);
        (await Host.SeatsAsync(WorkspaceId)).Should().BeEquivalentTo(new { InternalUsers = 1, ExternalUsers = 1 }, "the administrator and the moved account");
    }

    [Test]
    public async Task AnAssignedAccount_KeepsItsTypeAndUserName()
    {
        var staff = await Host.Users.CreateInternalUserAsync(WorkspaceId, "staff", "staff@softr.io", TestHost.Password);
        var user = await Host.Authenticator.AuthenticateAsync(WorkspaceId, new PasswordCredentials("staff", TestHost.Password), ClientKind.WebApplication);

        await Host.Users.RequestEmailChangeAsync(user, TestHost.Password, "staff@elsewhere.example");
        var moved = await Host.Users.ConfirmEmailChangeAsync(WorkspaceId, staff.Id, Host.Mailer.TokenFor("staff@elsewhere.example", AccountMailKind.EmailChange));

        (moved.Email, moved.UserName, moved.UserType).Should().Be(("staff@elsewhere.example", "staff", UserType.Internal));
    }

    [Test]
    public async Task AWrongCurrentPassword_IsAFailedLogin_AndSendsNothing()
    {
        var user = await LoginAsync();

        var act = () => Host.Users.RequestEmailChangeAsync(user, "not the password", "james@elsewhere.example");

        (await act.Should().ThrowAsync<AuthenticationFailedException>()).Which.Reason.Should().Be(AuthenticationFailureReason.InvalidCredentials);
        Host.Mailer.To("james@elsewhere.example").Should().BeEmpty();
        (await Host.Users.FindByIdAsync(WorkspaceId, _james.Id))!.AccessFailedCount.Should().Be(1);
    }

    [Test]
    public async Task AnAddressTakenMeanwhile_RefusesTheToken_AndChangesNothing()
    {
        await RequestAsync("taken@softr.io");
        await Host.SignUpAsync(WorkspaceId, "taken@softr.io");

        var act = () => Host.Users.ConfirmEmailChangeAsync(WorkspaceId, _james.Id, Host.Mailer.TokenFor("taken@softr.io", AccountMailKind.EmailChange));

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
        (await Host.Users.FindByIdAsync(WorkspaceId, _james.Id))!.Email.Should().Be("james@softr.io");
    }

    [Test]
    public async Task ATokenIsVoidedByAStampChange_AndWorksOnlyForItsAccount()
    {
        await RequestAsync("james@new.example");
        var token = Host.Mailer.TokenFor("james@new.example", AccountMailKind.EmailChange);
        var other = await Host.SignUpAsync(WorkspaceId, "other@softr.io");

        var otherAccount = () => Host.Users.ConfirmEmailChangeAsync(WorkspaceId, other.Id, token);
        await otherAccount.Should().ThrowAsync<ArgumentException>();
        await Host.Users.RevokeSessionsAsync(WorkspaceId, _james.Id);
        var voided = () => Host.Users.ConfirmEmailChangeAsync(WorkspaceId, _james.Id, token);

        (await voided.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
        (await Host.Users.FindByIdAsync(WorkspaceId, _james.Id))!.Email.Should().Be("james@softr.io");
    }

    [Test]
    public async Task WithoutASeatOfTheNewType_NothingChanges_AndTheTokenStaysUsable()
    {
        await Host.Workspaces.SetLicenseAsync(WorkspaceId, new WorkspaceLicense { ExternalUsers = true, MaxExternalUsers = 0 });
        await RequestAsync("james@elsewhere.example");
        var token = Host.Mailer.TokenFor("james@elsewhere.example", AccountMailKind.EmailChange);

        var full = () => Host.Users.ConfirmEmailChangeAsync(WorkspaceId, _james.Id, token);
        await full.Should().ThrowAsync<SeatLimitExceededException>();
        await Host.Workspaces.SetLicenseAsync(WorkspaceId, new WorkspaceLicense { ExternalUsers = true });

        (await Host.Users.ConfirmEmailChangeAsync(WorkspaceId, _james.Id, token)).Email.Should().Be("james@elsewhere.example");
    }

    private async Task RequestAsync(string newEmail) =>
        await Host.Users.RequestEmailChangeAsync(await LoginAsync(), TestHost.Password, newEmail);

    private Task<AuthenticatedUser> LoginAsync() =>
        Host.Authenticator.AuthenticateAsync(WorkspaceId, new PasswordCredentials("james@softr.io", TestHost.Password), ClientKind.WebApplication);
}
