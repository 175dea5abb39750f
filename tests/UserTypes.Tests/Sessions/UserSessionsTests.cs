using System.Security.Claims;
using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Sessions;

/// <summary>
/// Sessions checked on every request, on every store: whatever takes access away ends them on the next check, a grant
/// renews them, and a logout ends one session for good.
/// </summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class UserSessionsTests(StoreKind store) : StoreFixture(store)
{
    private TestHost _host = null!;
    private string _workspace = null!;
    private AuthenticatedUser _admin = null!;
    private UserAccount _staff = null!;

    private IUserSessions Sessions => _host.Get<IUserSessions>();

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

    private async Task<ClaimsPrincipal> SignInAsync(TestHost? host = null, string userName = "staff")
    {
        host ??= _host;
        var user = await host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials(userName, TestHost.Password), ClientKind.WebApplication);
        return (await host.Get<IUserSessions>().StartAsync(user)).ToClaimsPrincipal();
    }

    private async Task<SessionState> StateAsync(ClaimsPrincipal principal, TestHost? host = null) =>
        (await (host ?? _host).Get<IUserSessions>().ValidateAsync(principal)).State;

    [Test]
    public async Task ASessionNothingChanged_IsCurrent_AndCarriesTheUser()
    {
        var principal = await SignInAsync();

        (await StateAsync(principal)).Should().Be(SessionState.Current);
        (await StateAsync(principal)).Should().Be(SessionState.Current, "the second check is answered from the cache, alike");
        AuthenticatedUser.FromPrincipal(principal)!.UserId.Should().Be(_staff.Id);
    }

    [Test]
    public async Task Disabling_EndsTheSession_AndEnablingAgainDoesNotRevive_It()
    {
        var principal = await SignInAsync();
        await StateAsync(principal);

        await _host.Users.SetEnabledAsync(_workspace, _staff.Id, enabled: false);
        var whileDisabled = await StateAsync(principal);
        await _host.Users.SetEnabledAsync(_workspace, _staff.Id, enabled: true);

        whileDisabled.Should().Be(SessionState.Ended);
        (await StateAsync(principal)).Should().Be(SessionState.Ended, "disabling moved the stamp for good");
    }

    [Test]
    public async Task AGrant_RenewsTheSession_WithTheNewRight_AndTheRenewedPrincipalIsCurrent()
    {
        var principal = await SignInAsync();
        await StateAsync(principal);

        await _host.Users.GrantAsync(_admin, _staff.Id, new RightsGrant { FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers } });
        var validation = await Sessions.ValidateAsync(principal);

        validation.State.Should().Be(SessionState.Renewed);
        AuthenticatedUser.FromPrincipal(validation.Principal!)!.Rights.Has(FunctionalRights.CreateExternalUsers).Should().BeTrue();
        (await StateAsync(validation.Principal!)).Should().Be(SessionState.Current);
    }

    [Test]
    public async Task RevokingARight_EndsTheSession()
    {
        await _host.Users.GrantAsync(_admin, _staff.Id, new RightsGrant { FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers } });
        var principal = await SignInAsync();
        await StateAsync(principal);

        await _host.Users.RevokeAsync(_admin, _staff.Id, new RightsGrant { FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers } });

        (await StateAsync(principal)).Should().Be(SessionState.Ended);
    }

    [Test]
    public async Task AReclassification_ThatChangesTheType_EndsTheSession()
    {
        await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);
        var joe = await _host.SignUpAsync(_workspace, "joe@xyz.com");
        joe.UserType.Should().Be(UserType.Internal);
        var principal = await SignInAsync(userName: "joe@xyz.com");
        await StateAsync(principal);

        await _host.Workspaces.RemoveCollaboratorAsync(_workspace, "joanne@xyz.com");

        (await _host.Users.FindByIdAsync(_workspace, joe.Id))!.UserType.Should().Be(UserType.External);
        (await StateAsync(principal)).Should().Be(SessionState.Ended);
    }

    [Test]
    public async Task RevokingSessions_OrDeletingTheAccount_EndsTheSession()
    {
        var revoked = await SignInAsync();
        await StateAsync(revoked);
        await _host.Users.RevokeSessionsAsync(_workspace, _staff.Id);
        var afterRevoke = await StateAsync(revoked);
        var deleted = await SignInAsync();
        await StateAsync(deleted);

        await _host.Users.DeleteAsync(_workspace, _staff.Id);

        afterRevoke.Should().Be(SessionState.Ended);
        (await StateAsync(deleted)).Should().Be(SessionState.Ended);
    }

    [Test]
    public async Task Ending_EndsThatSessionOnly_AndACopyOfItIsDead()
    {
        var kept = await SignInAsync();
        var ended = await SignInAsync();
        var copy = ended.Clone();
        await StateAsync(ended);

        var first = await Sessions.EndAsync(ended);
        var second = await Sessions.EndAsync(copy);

        (first, second).Should().Be((true, false));
        (await StateAsync(copy)).Should().Be(SessionState.Ended);
        (await StateAsync(kept)).Should().Be(SessionState.Current);
    }

    [Test]
    public async Task APasswordChange_EndsTheOtherSessions_AndRenewsTheOneThatMadeIt()
    {
        var other = await SignInAsync();
        var changing = await SignInAsync();

        var changed = await _host.Users.ChangePasswordAsync(AuthenticatedUser.FromPrincipal(changing)!, TestHost.Password, "a brand new passphrase");
        var renewed = (await Sessions.RenewAsync(changing, changed)).ToClaimsPrincipal();

        (await StateAsync(other)).Should().Be(SessionState.Ended);
        (await StateAsync(changing)).Should().Be(SessionState.Ended, "the renewal replaced it with a new session");
        (await StateAsync(renewed)).Should().Be(SessionState.Current);
        await FluentActions.Awaiting(() => Sessions.RenewAsync(other, changed)).Should().ThrowAsync<AuthenticationFailedException>(
            "the change was carried over by the session that made it; the others' records went with the renewal");
    }

    [Test]
    public async Task RenewingWithAnAccountChangedAgainSince_EndsInsteadOfRenewing()
    {
        var changing = await SignInAsync();
        var changed = await _host.Users.ChangePasswordAsync(AuthenticatedUser.FromPrincipal(changing)!, TestHost.Password, "a brand new passphrase");
        await _host.Users.RevokeSessionsAsync(_workspace, _staff.Id);

        await FluentActions.Awaiting(() => Sessions.RenewAsync(changing, changed)).Should().ThrowAsync<AuthenticationFailedException>();
    }

    [Test]
    public async Task RenewingWithAnotherAccount_IsAnArgumentException()
    {
        var changing = await SignInAsync();
        var admin = await _host.Users.FindByIdAsync(_workspace, _admin.UserId);

        var renew = () => Sessions.RenewAsync(changing, admin!);

        (await renew.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("changed");
    }

    [Test]
    public async Task ASession_EndsAtItsAbsoluteLifetime_HoweverActive()
    {
        var principal = await SignInAsync();

        _host.Clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        var justBefore = await StateAsync(principal);
        _host.Clock.Advance(TimeSpan.FromSeconds(1));

        justBefore.Should().Be(SessionState.Current);
        (await StateAsync(principal)).Should().Be(SessionState.Ended);
    }

    [Test]
    public async Task ALicenceThatExpires_EndsAnExternalSession_AtItsExpiry()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { ExternalUsers = true, ExpiresAt = _host.Clock.GetUtcNow().AddHours(1) });
        await _host.Get<IUserDirectory>().CreateExternalUserAsync(_admin, "person-1", "partner", "partner@partner.example", TestHost.Password);
        var principal = await SignInAsync(userName: "partner");
        (await StateAsync(principal)).Should().Be(SessionState.Current);

        _host.Clock.Advance(TimeSpan.FromHours(1));

        (await StateAsync(principal)).Should().Be(SessionState.Ended, "an external user needs a licence, and nothing signalled its expiry");
    }

    [Test]
    public async Task AnythingButASessionPrincipal_IsEnded()
    {
        var user = await _host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("staff", TestHost.Password), ClientKind.WebApplication);
        var forged = (await Sessions.StartAsync(user)).ToClaimsPrincipal();
        var identity = (ClaimsIdentity)forged.Identity!;
        identity.RemoveClaim(identity.FindFirst(UserTypesClaimTypes.SessionId));
        identity.AddClaim(new Claim(UserTypesClaimTypes.SessionId, "made-up", ClaimValueTypes.String, "UserTypes"));
        var foreignIssuer = (await Sessions.StartAsync(user)).ToClaimsPrincipal().Claims.Select(c => new Claim(c.Type, c.Value, c.ValueType, "SomeoneElse"));

        (await StateAsync(user.ToClaimsPrincipal())).Should().Be(SessionState.Ended, "signed in without a session");
        (await StateAsync(forged)).Should().Be(SessionState.Ended, "no such session");
        (await StateAsync(new ClaimsPrincipal(new ClaimsIdentity(foreignIssuer, "UserTypes")))).Should().Be(SessionState.Ended, "claims UserTypes did not issue");
        (await StateAsync(new ClaimsPrincipal())).Should().Be(SessionState.Ended);
    }

    [Test]
    public async Task StartingForAnAccountDisabledSinceItsLogin_IsRefused()
    {
        var user = await _host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("staff", TestHost.Password), ClientKind.WebApplication);
        await _host.Users.SetEnabledAsync(_workspace, _staff.Id, enabled: false);

        var start = () => Sessions.StartAsync(user);

        (await start.Should().ThrowAsync<AuthenticationFailedException>()).Which.Reason.Should().Be(AuthenticationFailureReason.AccountDisabled);
    }

    [Test]
    public async Task AnAccount_KeepsOnlyItsNewestSessions()
    {
        using var host = NewHost(o => o.Sessions.MaxPerAccount = 2);
        _workspace = await host.CreateWorkspaceAsync("owner@softr.io");
        await host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);
        var oldest = await SignInAsync(host);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var middle = await SignInAsync(host);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var newest = await SignInAsync(host);

        (await StateAsync(oldest, host)).Should().Be(SessionState.Ended);
        (await StateAsync(middle, host)).Should().Be(SessionState.Current);
        (await StateAsync(newest, host)).Should().Be(SessionState.Current);
    }

    [Test]
    public async Task StartingForTheImplicitAnonymousUser_IsAnArgumentException()
    {
        var rights = _host.Get<RightsPolicy>().Evaluate(UserType.Anonymous, new RightsGrant());
        var anonymous = new AuthenticatedUser(_staff with { UserType = UserType.Anonymous }, rights, isImplicitAnonymous: true);

        await FluentActions.Awaiting(() => Sessions.StartAsync(anonymous)).Should().ThrowAsync<ArgumentException>().WithParameterName("user");
    }

    [Test]
    public async Task StartingForTheAnonymousAccount_IsRefused_ForItHasNoSessions()
    {
        var workspace = await _host.CreateWorkspaceAsync("owner@softr.io", license: new WorkspaceLicense { AnonymousUsers = true });
        await _host.Users.SetAnonymousUserAsync(workspace, "anonymous", TestHost.Password);
        var anonymous = await _host.Authenticator.AuthenticateAsync(workspace, new PasswordCredentials("anonymous", TestHost.Password), ClientKind.WebApplication);

        var start = () => Sessions.StartAsync(anonymous);

        (await start.Should().ThrowAsync<AuthenticationFailedException>()).Which.Reason.Should().Be(AuthenticationFailureReason.ClientNotAllowed);
    }

    [Test]
    public async Task ARightsPolicyNarrowedSinceTheCookie_RenewsTheSession_WithTheNarrowerRights()
    {
        await _host.Users.GrantAsync(_admin, _staff.Id, new RightsGrant { DataRights = new Dictionary<string, DataRights> { ["contact"] = DataRights.All } });
        var principal = await SignInAsync();

        // The same database under a host restarted with a tighter policy for internal users.
        using var restarted = NewHost(
            o =>
            {
                o.Rights.Internal.Defaults = new RightsGrant { DataRights = new Dictionary<string, DataRights> { ["*"] = DataRights.View } };
                o.Rights.Internal.DataRightsCeiling = DataRights.View;
            },
            shareStoresWith: _host);
        var validation = await restarted.Get<IUserSessions>().ValidateAsync(principal);

        validation.State.Should().Be(SessionState.Renewed, "the cookie's claims are not what the policy gives the account now");
        var renewed = AuthenticatedUser.FromPrincipal(validation.Principal!)!;
        renewed.Rights.Allows("contact", DataRights.View).Should().BeTrue();
        renewed.Rights.Allows("contact", DataRights.Edit).Should().BeFalse();
        (await StateAsync(validation.Principal!, restarted)).Should().Be(SessionState.Current);
    }

    [Test]
    public async Task APrincipalWithASecondUserTypesIdentity_IsEnded()
    {
        var principal = await SignInAsync();
        var admin = await SignInAsync(userName: "admin");

        principal.AddIdentity(admin.Identities.Single());
        var reversed = new ClaimsPrincipal(admin.Identities.Concat(principal.Identities.Take(1)));

        (await StateAsync(principal)).Should().Be(SessionState.Ended, "the session checked and the user authorization reads could differ");
        (await StateAsync(reversed)).Should().Be(SessionState.Ended);
    }

    [Test]
    public async Task AReplayedEndedSession_IsRememberedAsEnded_SoItCostsNoFurtherStoreRead()
    {
        var principal = await SignInAsync();
        var sessionId = principal.FindFirst(UserTypesClaimTypes.SessionId)!.Value;
        (await Sessions.EndAsync(principal)).Should().BeTrue();

        (await StateAsync(principal)).Should().Be(SessionState.Ended);

        _host.Get<SessionCache>().IsEnded(sessionId).Should().BeTrue();
        (await StateAsync(principal)).Should().Be(SessionState.Ended);
        (await StateAsync(await SignInAsync())).Should().Be(SessionState.Current, "a new session of the account is not caught by it");
    }

    [Test]
    public async Task AnInternalSession_InAWorkspaceWhoseLicenceHasExpired_IsStillAnsweredFromTheCache()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { ExternalUsers = true, ExpiresAt = _host.Clock.GetUtcNow().AddHours(1) });
        var principal = await SignInAsync();
        _host.Clock.Advance(TimeSpan.FromHours(2));

        (await StateAsync(principal)).Should().Be(SessionState.Current, "internal users need no licence");

        _host.Get<SessionCache>().TryGet(_workspace, _staff.Id, _host.Clock.GetUtcNow(), out _)
            .Should().BeTrue("an expiry already past changes nothing more, so it must not keep the workspace's requests from the cache");
    }

    [Test]
    public async Task AHostChangeHandlerThatThrows_NeitherFailsTheWrite_NorKeepsADisabledSessionAlive()
    {
        var principal = await SignInAsync();
        (await StateAsync(principal)).Should().Be(SessionState.Current);
        var heard = 0;
        var signal = _host.Get<StoreChangeSignal>();
        signal.Changed += (_, _) => throw new InvalidOperationException("a bug in the host's own cache invalidation");
        signal.Changed += (_, _) => Interlocked.Increment(ref heard);

        await _host.Users.SetEnabledAsync(_workspace, _staff.Id, enabled: false);

        (await StateAsync(principal)).Should().Be(SessionState.Ended, "the caches hear of the change before any host handler");
        heard.Should().BePositive("a handler after the one that threw is still called");
    }

    [Test]
    public async Task AUserReadBackFromACookie_CannotStartASession_SoNoSessionOutlivesItsAbsoluteEnd()
    {
        var principal = await SignInAsync();

        var restart = () => Sessions.StartAsync(AuthenticatedUser.FromPrincipal(principal)!);

        await restart.Should().ThrowAsync<ArgumentException>().WithParameterName("user");
    }
}
