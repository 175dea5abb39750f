using UserTypes.Tests.Stores;
namespace UserTypes.Tests.Authentication;

[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class LockoutTests(StoreKind store) : StoreFixture(store)
{
    private TestHost _host = null!;
    private string _workspace = null!;
    private UserAccount _staff = null!;
    private readonly List<TestHost> _ownHosts = [];

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost();
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io");
        _staff = await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);
    }

    [TearDown]
    public void TearDown()
    {
        _host?.Dispose();
        _ownHosts.ForEach(host => host.Dispose());
    }

    private Task<AuthenticatedUser> LoginAsync(string password) =>
        _host.Get<IAuthenticator>().AuthenticateAsync(_workspace, new PasswordCredentials("staff", password), ClientKind.WebApplication);

    private async Task<AuthenticationFailureReason> FailureOf(string password) =>
        (await _host.Get<IAuthenticator>().Invoking(_ => LoginAsync(password)).Should().ThrowAsync<AuthenticationFailedException>()).Which.Reason;

    [Test]
    public async Task FiveFailures_LockTheAccount_EvenAgainstTheRightPassword()
    {
        for (var i = 0; i < 5; i++)
        {
            (await FailureOf("wrong password")).Should().Be(AuthenticationFailureReason.InvalidCredentials);
        }

        (await FailureOf(TestHost.Password)).Should().Be(AuthenticationFailureReason.LockedOut);
        (await _host.StoredAsync(_staff)).Account.LockoutEnd.Should().Be(_host.Clock.GetUtcNow().AddMinutes(15));
    }

    [Test]
    public async Task Lockout_EndsAfterTheDuration()
    {
        for (var i = 0; i < 5; i++)
        {
            await FailureOf("wrong password");
        }

        _host.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        (await FailureOf(TestHost.Password)).Should().Be(AuthenticationFailureReason.LockedOut);
        _host.Clock.Advance(TimeSpan.FromSeconds(1));

        (await LoginAsync(TestHost.Password)).UserName.Should().Be("staff");
        (await _host.StoredAsync(_staff)).Account.LockoutEnd.Should().BeNull();
    }

    [Test]
    public async Task ASuccess_ResetsTheCount()
    {
        for (var i = 0; i < 4; i++)
        {
            await FailureOf("wrong password");
        }

        await LoginAsync(TestHost.Password);
        for (var i = 0; i < 4; i++)
        {
            await FailureOf("wrong password");
        }

        (await LoginAsync(TestHost.Password)).UserName.Should().Be("staff", "four failures after a success do not lock");
    }

    // A host of its own with its options, its workspace and the member "staff".
    private async Task<(TestHost Host, string Workspace, UserAccount Staff)> StaffHostAsync(Action<UserTypesOptions> configure)
    {
        var host = NewHost(configure);
        _ownHosts.Add(host);
        var workspace = await host.CreateWorkspaceAsync("owner@softr.io");
        return (host, workspace, await host.Users.CreateInternalUserAsync(workspace, "staff", "staff@softr.io", TestHost.Password));
    }

    [Test]
    public async Task ConfiguredLimitAndDuration_AreHonoured()
    {
        var (host, workspace, staff) = await StaffHostAsync(o =>
        {
            o.Lockout.MaxFailedAttempts = 2;
            o.Lockout.Duration = TimeSpan.FromMinutes(1);
        });
        var login = (string password) => host.Get<IAuthenticator>().AuthenticateAsync(workspace, new PasswordCredentials("staff", password), ClientKind.WebApplication);

        await login.Invoking(l => l("wrong password")).Should().ThrowAsync<AuthenticationFailedException>();
        await login.Invoking(l => l("wrong password")).Should().ThrowAsync<AuthenticationFailedException>();

        (await host.StoredAsync(staff)).Account.LockoutEnd.Should().Be(host.Clock.GetUtcNow().AddMinutes(1));
    }

    [Test]
    public async Task TwentyConcurrentWrongPasswords_AreTwentyCountedFailures()
    {
        var (host, workspace, staff) = await StaffHostAsync(o => o.Lockout.MaxFailedAttempts = 1000);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => host.LoginOutcomeAsync(workspace, "staff", "wrong password"))));

        (await host.StoredAsync(staff)).Account.AccessFailedCount.Should().Be(20);
    }

    [Test]
    public async Task FailuresOfAnUnknownUser_LockNothing()
    {
        for (var i = 0; i < 10; i++)
        {
            await _host.Get<IAuthenticator>().Invoking(a => a.AuthenticateAsync(_workspace, new PasswordCredentials("nobody", "x"), ClientKind.WebApplication))
                .Should().ThrowAsync<AuthenticationFailedException>();
        }

        (await LoginAsync(TestHost.Password)).UserName.Should().Be("staff");
    }

    [Test]
    public async Task AnUnknownUserName_LocksLikeAKnownOne()
    {
        var known = new List<AuthenticationFailureReason?>();
        var unknown = new List<AuthenticationFailureReason?>();
        for (var i = 0; i < 6; i++)
        {
            known.Add(await _host.LoginOutcomeAsync(_workspace, "staff", "wrong password"));
            unknown.Add(await _host.LoginOutcomeAsync(_workspace, "nobody", "wrong password"));
        }

        unknown.Should().Equal(known).And.EndWith(AuthenticationFailureReason.LockedOut);
        known.Take(5).Should().OnlyContain(reason => reason == AuthenticationFailureReason.InvalidCredentials);
    }

    [Test]
    public async Task FortyParallelGuesses_AtWorkFactor10_CompareOnlyTheLimit()
    {
        // The account's hash at work factor 10 too: a verification costs what the stored hash says.
        var (host, workspace, staff) = await StaffHostAsync(o => o.Password.WorkFactor = 10);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await host.LoginOutcomeAsync(workspace, "staff", "wrong password");
        })).ToList();
        start.SetResult();
        var reasons = await Task.WhenAll(attempts);

        reasons.Count(r => r == AuthenticationFailureReason.InvalidCredentials).Should().Be(5, "only five attempts were compared");
        reasons.Count(r => r == AuthenticationFailureReason.LockedOut).Should().Be(35);
        (await host.StoredAsync(staff)).Account.LockoutEnd.Should().Be(host.Clock.GetUtcNow().AddMinutes(15));
    }

    [Test]
    public async Task BackOff_LocksForSecondsThenLonger_AndTheOwnerGetsIn()
    {
        var (host, workspace, _) = await StaffHostAsync(o =>
        {
            o.Lockout.MaxFailedAttempts = 3;
            o.Lockout.BackOff = TimeSpan.FromSeconds(1);
        });
        async Task<string> Login(string password) => (await host.LoginOutcomeAsync(workspace, "staff", password))?.ToString() ?? "ok";

        var outcomes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add(await Login("wrong password"));
        }

        outcomes.Add(await Login(TestHost.Password));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        outcomes.Add(await Login("wrong password"));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        outcomes.Add(await Login(TestHost.Password));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        outcomes.Add(await Login(TestHost.Password));
        outcomes.Add(await Login("wrong password"));

        outcomes.Should().Equal("InvalidCredentials", "InvalidCredentials", "InvalidCredentials", "LockedOut", "InvalidCredentials", "LockedOut", "ok", "InvalidCredentials");
    }

    [Test]
    public async Task AnUnlock_EndsTheLock_AndAReset_Too()
    {
        for (var i = 0; i < 5; i++)
        {
            await FailureOf("wrong password");
        }

        var unlocked = await _host.Users.UnlockAsync(_workspace, _staff.Id);
        (await LoginAsync(TestHost.Password)).UserName.Should().Be("staff");
        (unlocked.AccessFailedCount, unlocked.LockoutEnd).Should().Be((0, (DateTimeOffset?)null));
        unlocked.SecurityStamp.Should().Be(_staff.SecurityStamp, "an unlock ends no session");
    }

    [Test]
    public async Task SpellingsOfOneName_AndTheCurrentPasswordChecks_ShareTheAccountsLock()
    {
        var actor = _host.ActorFor(_staff);
        var outcomes = new List<AuthenticationFailureReason?>();
        async Task Record(Func<Task> attempt)
        {
            try
            {
                await attempt();
                outcomes.Add(null);
            }
            catch (AuthenticationFailedException e)
            {
                outcomes.Add(e.Reason);
            }
        }

        // Case and the long s (U+017F upper-cases to S) name the same account, and so do the current-password checks.
        foreach (var name in new[] { "STAFF", "Staff", "\u017Ftaff" })
        {
            await Record(() => _host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials(name, "wrong password"), ClientKind.WebApplication));
        }

        await Record(() => _host.Users.ChangePasswordAsync(actor, "wrong password", "another fine passphrase"));
        await Record(() => _host.Users.RequestEmailChangeAsync(actor, "wrong password", "new@softr.io"));
        await Record(() => LoginAsync(TestHost.Password));
        await Record(() => _host.Users.ChangePasswordAsync(actor, TestHost.Password, "another fine passphrase"));

        var invalid = AuthenticationFailureReason.InvalidCredentials;
        outcomes.Should().Equal(invalid, invalid, invalid, invalid, invalid, AuthenticationFailureReason.LockedOut, AuthenticationFailureReason.LockedOut);
    }
}
