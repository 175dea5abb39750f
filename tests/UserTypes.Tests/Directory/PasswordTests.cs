using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Directory;

/// <summary>Changing and resetting passwords, on every store.</summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class PasswordTests(StoreKind store) : WorkspaceFixture(store, new WorkspaceLicense())
{
    private const string NewPassword = "a brand new passphrase";

    private UserAccount _sam = null!;

    [SetUp]
    public async Task CreateAccountsAsync()
    {
        _sam = await Host.SignUpAsync(WorkspaceId, "sam@softr.io");
    }

    [Test]
    public async Task ChangePassword_WithTheCurrentOne_MovesTheStamp_AndSendsANotice()
    {
        var user = await LoginAsync(TestHost.Password);

        var changed = await Host.Users.ChangePasswordAsync(user, TestHost.Password, NewPassword);

        changed.SecurityStamp.Should().NotBe(_sam.SecurityStamp);
        await FluentActions.Awaiting(() => LoginAsync(TestHost.Password)).Should().ThrowAsync<AuthenticationFailedException>();
        (await LoginAsync(NewPassword)).UserId.Should().Be(_sam.Id);
        Host.Mailer.To("sam@softr.io")[^1].Kind.Should().Be(AccountMailKind.PasswordChanged);
        Host.Mailer.To("sam@softr.io")[^1].Token.Should().BeNull();
    }

    [Test]
    public async Task ChangePassword_WithAWrongCurrentOne_CountsTowardsTheLockout()
    {
        var user = await LoginAsync(TestHost.Password);

        for (var i = 0; i < 5; i++)
        {
            var wrong = () => Host.Users.ChangePasswordAsync(user, "not the password", NewPassword);
            (await wrong.Should().ThrowAsync<AuthenticationFailedException>()).Which.Reason.Should().Be(AuthenticationFailureReason.InvalidCredentials);
        }

        var locked = () => Host.Users.ChangePasswordAsync(user, TestHost.Password, NewPassword);
        (await locked.Should().ThrowAsync<AuthenticationFailedException>()).Which.Reason.Should().Be(AuthenticationFailureReason.LockedOut);
        (await Host.Users.FindByIdAsync(WorkspaceId, _sam.Id))!.SecurityStamp.Should().Be(_sam.SecurityStamp, "nothing changed");
    }

    [Test]
    public async Task ChangePassword_ByTheAnonymousAccount_IsDenied_AndABadNewPasswordIsNamed()
    {
        await Host.Workspaces.SetLicenseAsync(WorkspaceId, new WorkspaceLicense { AnonymousUsers = true });
        await Host.Users.SetAnonymousUserAsync(WorkspaceId, "anonymous", TestHost.Password);
        var anonymous = await Host.Authenticator.AuthenticateAsync(WorkspaceId, new PasswordCredentials("anonymous", TestHost.Password), ClientKind.WebApplication);
        var sam = await LoginAsync(TestHost.Password);

        var denied = () => Host.Users.ChangePasswordAsync(anonymous, TestHost.Password, NewPassword);
        var tooShort = () => Host.Users.ChangePasswordAsync(sam, TestHost.Password, "short");

        await denied.Should().ThrowAsync<AccessDeniedException>();
        (await tooShort.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("newPassword");
    }

    [Test]
    public async Task ASessionFromBeforeAReset_CanNoLongerChangeThePasswordOrAct()
    {
        var stale = await LoginAsync(TestHost.Password);
        await Host.Users.RequestPasswordResetAsync(WorkspaceId, "sam@softr.io");
        await Host.Users.ResetPasswordAsync(WorkspaceId, "sam@softr.io", Host.Mailer.TokenFor("sam@softr.io", AccountMailKind.PasswordReset), NewPassword);

        var change = () => Host.Users.ChangePasswordAsync(stale, TestHost.Password, "the attacker's passphrase");
        var moveAddress = () => Host.Users.RequestEmailChangeAsync(stale, NewPassword, "attacker@evil.example");

        await change.Should().ThrowAsync<AccessDeniedException>();
        await moveAddress.Should().ThrowAsync<AccessDeniedException>();
        (await LoginAsync(NewPassword)).UserId.Should().Be(_sam.Id, "the reset's password stands");
    }

    [Test]
    public async Task RequestReset_ForAnUnknownOrUnprovenAddress_SendsTheNoAccountNotice()
    {
        await Host.Users.CreateInternalUserAsync(WorkspaceId, "staff", "staff@softr.io", TestHost.Password);

        await Host.Users.RequestPasswordResetAsync(WorkspaceId, "nobody@softr.io");
        await Host.Users.RequestPasswordResetAsync(WorkspaceId, "staff@softr.io");
        await Host.Users.RequestPasswordResetAsync(WorkspaceId, "SAM@softr.io");

        Host.Mailer.To("nobody@softr.io").Should().ContainSingle().Which.Kind.Should().Be(AccountMailKind.NoAccount);
        Host.Mailer.To("staff@softr.io").Should().ContainSingle().Which.Kind.Should().Be(AccountMailKind.NoAccount, "a host-created address is not proven");
        var reset = Host.Mailer.To("sam@softr.io")[^1];
        (reset.Kind, reset.UserId, reset.ExpiresAt).Should().Be((AccountMailKind.PasswordReset, _sam.Id, Host.Clock.GetUtcNow().AddHours(1)));
    }

    [Test]
    public async Task Reset_SetsTheNewPassword_EndsALockoutAndSessions_AndTheTokenWorksOnce()
    {
        for (var i = 0; i < 5; i++)
        {
            await FluentActions.Awaiting(() => LoginAsync("wrong password")).Should().ThrowAsync<AuthenticationFailedException>();
        }

        await Host.Users.RequestPasswordResetAsync(WorkspaceId, "sam@softr.io");
        var token = Host.Mailer.TokenFor("sam@softr.io", AccountMailKind.PasswordReset);

        var reset = await Host.Users.ResetPasswordAsync(WorkspaceId, "sam@softr.io", token, NewPassword);
        var again = () => Host.Users.ResetPasswordAsync(WorkspaceId, "sam@softr.io", token, "yet another passphrase");

        (reset.LockoutEnd, reset.AccessFailedCount).Should().Be((null, 0));
        reset.SecurityStamp.Should().NotBe(_sam.SecurityStamp);
        (await LoginAsync(NewPassword)).UserId.Should().Be(_sam.Id);
        (await again.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
    }

    [Test]
    public async Task Reset_ByTenCallersWithOneToken_SucceedsOnce()
    {
        await Host.Users.RequestPasswordResetAsync(WorkspaceId, "sam@softr.io");
        var token = Host.Mailer.TokenFor("sam@softr.io", AccountMailKind.PasswordReset);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            try
            {
                await Host.Users.ResetPasswordAsync(WorkspaceId, "sam@softr.io", token, $"new passphrase {i}");
                return i;
            }
            catch (ArgumentException e) when (e.ParamName == "token")
            {
                return -1;
            }
        })));

        var winner = outcomes.Should().ContainSingle(outcome => outcome >= 0).Subject;
        (await LoginAsync($"new passphrase {winner}")).UserId.Should().Be(_sam.Id);
    }

    [Test]
    public async Task Reset_IsVoidedByAnyStampChange_ExpiresAfterItsLifetime_AndIsBoundToItsAddress()
    {
        await Host.Users.RequestPasswordResetAsync(WorkspaceId, "sam@softr.io");
        var voided = Host.Mailer.TokenFor("sam@softr.io", AccountMailKind.PasswordReset);
        await Host.Users.RevokeSessionsAsync(WorkspaceId, _sam.Id);
        await Host.Users.RequestPasswordResetAsync(WorkspaceId, "sam@softr.io");
        var expiring = Host.Mailer.TokenFor("sam@softr.io", AccountMailKind.PasswordReset);
        var other = await Host.SignUpAsync(WorkspaceId, "other@softr.io");

        var afterRevocation = () => Host.Users.ResetPasswordAsync(WorkspaceId, "sam@softr.io", voided, NewPassword);
        var otherAddress = () => Host.Users.ResetPasswordAsync(WorkspaceId, "other@softr.io", expiring, NewPassword);
        (await afterRevocation.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
        (await otherAddress.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
        Host.Clock.Advance(TimeSpan.FromHours(1));
        var expired = () => Host.Users.ResetPasswordAsync(WorkspaceId, "sam@softr.io", expiring, NewPassword);

        (await expired.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
        (await LoginAsync(TestHost.Password)).UserId.Should().Be(_sam.Id, "no attempt changed the password");
        other.Id.Should().NotBe(_sam.Id);
    }

    [Test]
    public async Task IssueReset_ByTheHost_MailsTheAccount_AndAnAccountWithoutAnAddressIsNamed()
    {
        var staff = await Host.Users.CreateInternalUserAsync(WorkspaceId, "staff", "staff@softr.io", TestHost.Password);
        await Host.Workspaces.SetLicenseAsync(WorkspaceId, new WorkspaceLicense { AnonymousUsers = true });
        var anonymous = await Host.Users.SetAnonymousUserAsync(WorkspaceId, "anonymous", TestHost.Password);

        await Host.Users.IssuePasswordResetAsync(WorkspaceId, staff.Id);
        var noAddress = () => Host.Users.IssuePasswordResetAsync(WorkspaceId, anonymous.Id);
        await Host.Users.ResetPasswordAsync(WorkspaceId, "staff@softr.io", Host.Mailer.TokenFor("staff@softr.io", AccountMailKind.PasswordReset), NewPassword);

        (await noAddress.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("userId");
        (await Host.Users.FindByIdAsync(WorkspaceId, staff.Id))!.EmailConfirmed.Should().BeTrue("the reset proved the address");
    }

    private Task<AuthenticatedUser> LoginAsync(string password) =>
        Host.Authenticator.AuthenticateAsync(WorkspaceId, new PasswordCredentials("sam@softr.io", password), ClientKind.WebApplication);
}
