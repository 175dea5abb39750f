using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Directory;

/// <summary>Changing and resetting passwords, on every store.</summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class PasswordTests(StoreKind store) : StoreFixture(store)
{
    private const string NewPassword = "a brand new passphrase";

    private TestHost _host = null!;
    private string _workspace = null!;
    private UserAccount _sam = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost();
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io");
        _sam = await _host.SignUpAsync(_workspace, "sam@softr.io");
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    [Test]
    public async Task ChangePassword_WithTheCurrentOne_MovesTheStamp_AndSendsANotice()
    {
        var user = await LoginAsync(TestHost.Password);

        var changed = await _host.Users.ChangePasswordAsync(user, TestHost.Password, NewPassword);

        changed.SecurityStamp.Should().NotBe(_sam.SecurityStamp);
        await FluentActions.Awaiting(() => LoginAsync(TestHost.Password)).Should().ThrowAsync<AuthenticationFailedException>();
        (await LoginAsync(NewPassword)).UserId.Should().Be(_sam.Id);
        _host.Mailer.To("sam@softr.io")[^1].Kind.Should().Be(AccountMailKind.PasswordChanged);
        _host.Mailer.To("sam@softr.io")[^1].Token.Should().BeNull();
    }

    [Test]
    public async Task ChangePassword_WithAWrongCurrentOne_CountsTowardsTheLockout()
    {
        var user = await LoginAsync(TestHost.Password);

        for (var i = 0; i < 5; i++)
        {
            var wrong = () => _host.Users.ChangePasswordAsync(user, "not the password", NewPassword);
            (await wrong.Should().ThrowAsync<AuthenticationFailedException>()).Which.Reason.Should().Be(AuthenticationFailureReason.InvalidCredentials);
        }

        var locked = () => _host.Users.ChangePasswordAsync(user, TestHost.Password, NewPassword);
        (await locked.Should().ThrowAsync<AuthenticationFailedException>()).Which.Reason.Should().Be(AuthenticationFailureReason.LockedOut);
        (await _host.Users.FindByIdAsync(_workspace, _sam.Id))!.SecurityStamp.Should().Be(_sam.SecurityStamp, "nothing changed");
    }

    [Test]
    public async Task ChangePassword_ByTheAnonymousAccount_IsDenied_AndABadNewPasswordIsNamed()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { AnonymousUsers = true });
        await _host.Users.SetAnonymousUserAsync(_workspace, "anonymous", TestHost.Password);
        var anonymous = await _host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("anonymous", TestHost.Password), ClientKind.WebApplication);
        var sam = await LoginAsync(TestHost.Password);

        var denied = () => _host.Users.ChangePasswordAsync(anonymous, TestHost.Password, NewPassword);
        var tooShort = () => _host.Users.ChangePasswordAsync(sam, TestHost.Password, "short");

        await denied.Should().ThrowAsync<AccessDeniedException>();
        (await tooShort.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("newPassword");
    }

    [Test]
    public async Task ASessionFromBeforeAReset_CanNoLongerChangeThePasswordOrAct()
    {
        var stale = await LoginAsync(TestHost.Password);
        await _host.Users.RequestPasswordResetAsync(_workspace, "sam@softr.io");
        await _host.Users.ResetPasswordAsync(_workspace, "sam@softr.io", _host.Mailer.TokenFor("sam@softr.io", AccountMailKind.PasswordReset), NewPassword);

        var change = () => _host.Users.ChangePasswordAsync(stale, TestHost.Password, "the attacker's passphrase");
        var moveAddress = () => _host.Users.RequestEmailChangeAsync(stale, NewPassword, "attacker@evil.example");

        await change.Should().ThrowAsync<AccessDeniedException>();
        await moveAddress.Should().ThrowAsync<AccessDeniedException>();
        (await LoginAsync(NewPassword)).UserId.Should().Be(_sam.Id, "the reset's password stands");
    }

    [Test]
    public async Task RequestReset_ForAnUnknownOrUnprovenAddress_SendsTheNoAccountNotice()
    {
        await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);

        await _host.Users.RequestPasswordResetAsync(_workspace, "nobody@softr.io");
        await _host.Users.RequestPasswordResetAsync(_workspace, "staff@softr.io");
        await _host.Users.RequestPasswordResetAsync(_workspace, "SAM@softr.io");

        _host.Mailer.To("nobody@softr.io").Should().ContainSingle().Which.Kind.Should().Be(AccountMailKind.NoAccount);
        _host.Mailer.To("staff@softr.io").Should().ContainSingle().Which.Kind.Should().Be(AccountMailKind.NoAccount, "a host-created address is not proven");
        var reset = _host.Mailer.To("sam@softr.io")[^1];
        (reset.Kind, reset.UserId, reset.ExpiresAt).Should().Be((AccountMailKind.PasswordReset, _sam.Id, _host.Clock.GetUtcNow().AddHours(1)));
    }

    [Test]
    public async Task Reset_SetsTheNewPassword_EndsALockoutAndSessions_AndTheTokenWorksOnce()
    {
        for (var i = 0; i < 5; i++)
        {
            await FluentActions.Awaiting(() => LoginAsync("wrong password")).Should().ThrowAsync<AuthenticationFailedException>();
        }

        await _host.Users.RequestPasswordResetAsync(_workspace, "sam@softr.io");
        var token = _host.Mailer.TokenFor("sam@softr.io", AccountMailKind.PasswordReset);

        var reset = await _host.Users.ResetPasswordAsync(_workspace, "sam@softr.io", token, NewPassword);
        var again = () => _host.Users.ResetPasswordAsync(_workspace, "sam@softr.io", token, "yet another passphrase");

        (reset.LockoutEnd, reset.AccessFailedCount).Should().Be((null, 0));
        reset.SecurityStamp.Should().NotBe(_sam.SecurityStamp);
        (await LoginAsync(NewPassword)).UserId.Should().Be(_sam.Id);
        (await again.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
    }

    [Test]
    public async Task Reset_ByTenCallersWithOneToken_SucceedsOnce()
    {
        await _host.Users.RequestPasswordResetAsync(_workspace, "sam@softr.io");
        var token = _host.Mailer.TokenFor("sam@softr.io", AccountMailKind.PasswordReset);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            try
            {
                await _host.Users.ResetPasswordAsync(_workspace, "sam@softr.io", token, $"new passphrase {i}");
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
        await _host.Users.RequestPasswordResetAsync(_workspace, "sam@softr.io");
        var voided = _host.Mailer.TokenFor("sam@softr.io", AccountMailKind.PasswordReset);
        await _host.Users.RevokeSessionsAsync(_workspace, _sam.Id);
        await _host.Users.RequestPasswordResetAsync(_workspace, "sam@softr.io");
        var expiring = _host.Mailer.TokenFor("sam@softr.io", AccountMailKind.PasswordReset);
        var other = await _host.SignUpAsync(_workspace, "other@softr.io");

        var afterRevocation = () => _host.Users.ResetPasswordAsync(_workspace, "sam@softr.io", voided, NewPassword);
        var otherAddress = () => _host.Users.ResetPasswordAsync(_workspace, "other@softr.io", expiring, NewPassword);
        (await afterRevocation.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
        (await otherAddress.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
        _host.Clock.Advance(TimeSpan.FromHours(1));
        var expired = () => _host.Users.ResetPasswordAsync(_workspace, "sam@softr.io", expiring, NewPassword);

        (await expired.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
        (await LoginAsync(TestHost.Password)).UserId.Should().Be(_sam.Id, "no attempt changed the password");
        other.Id.Should().NotBe(_sam.Id);
    }

    [Test]
    public async Task IssueReset_ByTheHost_MailsTheAccount_AndAnAccountWithoutAnAddressIsNamed()
    {
        var staff = await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);
        await _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { AnonymousUsers = true });
        var anonymous = await _host.Users.SetAnonymousUserAsync(_workspace, "anonymous", TestHost.Password);

        await _host.Users.IssuePasswordResetAsync(_workspace, staff.Id);
        var noAddress = () => _host.Users.IssuePasswordResetAsync(_workspace, anonymous.Id);
        await _host.Users.ResetPasswordAsync(_workspace, "staff@softr.io", _host.Mailer.TokenFor("staff@softr.io", AccountMailKind.PasswordReset), NewPassword);

        (await noAddress.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("userId");
        (await _host.Users.FindByIdAsync(_workspace, staff.Id))!.EmailConfirmed.Should().BeTrue("the reset proved the address");
    }

    private Task<AuthenticatedUser> LoginAsync(string password) =>
        _host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("sam@softr.io", password), ClientKind.WebApplication);
}
