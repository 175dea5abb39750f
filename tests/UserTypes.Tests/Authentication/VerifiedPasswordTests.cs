using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Authentication;

/// <summary>
/// A service agent's Basic password is verified by BCrypt once and then remembered (as an HMAC) until anything about
/// its account changes; failures are never remembered. Each verification reserves one login attempt, so the store's
/// reservations count the BCrypt verifications.
/// </summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class VerifiedPasswordTests(StoreKind store) : StoreFixture(store)
{
    private TestHost _host = null!;
    private string _workspace = null!;
    private UserAccount _agent = null!;
    private ConcurrentQueue<string> _calls = null!;
    private IAuthenticator _authenticator = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost(o => o.Lockout.MaxFailedAttempts = 3);
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io");
        _agent = await _host.Users.CreateInternalUserAsync(_workspace, "agent", "agent@softr.io", TestHost.Password);

        // The host's own services over a store that records its calls.
        _calls = new();
        var recording = EqualCostTests.RecordingStore.Wrap(_host.UserStore, _calls);
        var attempts = new PasswordAttempts(recording, _host.Get<PasswordHasher>(), _host.Get<AuditRecorder>(), _host.Get<IOptions<UserTypesOptions>>(), _host.Clock);
        _authenticator = ActivatorUtilities.CreateInstance<Authenticator>(_host.Get<IServiceProvider>(), recording, attempts);
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    private int Verifications => _calls.Count(call => call == nameof(IUserLockoutStore.ReserveLoginAttemptAsync));

    private Task<AuthenticatedUser> CallAsync(string password = TestHost.Password, ClientKind client = ClientKind.ServiceAgent) =>
        _authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("agent", password), client);

    [Test]
    public async Task RepeatedCalls_OfAServiceAgent_AreVerifiedOnce()
    {
        for (var i = 0; i < 5; i++)
        {
            (await CallAsync()).UserId.Should().Be(_agent.Id);
        }

        Verifications.Should().Be(1, "the password BCrypt verified is remembered");
    }

    [Test]
    public async Task WebLogins_AreNeverRemembered()
    {
        await CallAsync(client: ClientKind.WebApplication);
        await CallAsync(client: ClientKind.WebApplication);

        Verifications.Should().Be(2, "only service agents call often enough to need it, and only they are remembered");
    }

    [Test]
    public async Task AWrongPassword_IsAlwaysVerified_AndCounted_EvenBesideARememberedOne()
    {
        await CallAsync();
        for (var i = 0; i < 2; i++)
        {
            await FluentActions.Awaiting(() => CallAsync($"wrong guess {i}")).Should().ThrowAsync<AuthenticationFailedException>();
        }

        Verifications.Should().Be(3, "failures are never remembered: each wrong password costs its BCrypt");
        (await _host.Users.FindByIdAsync(_workspace, _agent.Id))!.AccessFailedCount.Should().Be(2);
        (await CallAsync()).UserId.Should().Be(_agent.Id);
        Verifications.Should().Be(3, "the right password is still remembered");
    }

    [Test]
    public async Task ANewSecurityStamp_IsSeenOnTheNextCall()
    {
        await CallAsync();
        await _host.Users.RevokeSessionsAsync(_workspace, _agent.Id);

        var user = await CallAsync();

        Verifications.Should().Be(2, "the stamp change forgot the password, so it was verified again");
        user.SecurityStamp.Should().Be((await _host.Users.FindByIdAsync(_workspace, _agent.Id))!.SecurityStamp);
    }

    [Test]
    public async Task AChangedPassword_EndsTheOldOne_AtOnce()
    {
        var agent = await CallAsync();
        await _host.Users.ChangePasswordAsync(agent, TestHost.Password, "a brand new passphrase 7");

        (await FluentActions.Awaiting(() => CallAsync()).Should().ThrowAsync<AuthenticationFailedException>())
            .Which.Reason.Should().Be(AuthenticationFailureReason.InvalidCredentials);
        (await CallAsync("a brand new passphrase 7")).UserId.Should().Be(_agent.Id);
    }

    [Test]
    public async Task ADisabledAccount_IsRefusedOnTheNextCall_AndARightsGrant_IsSeenThere()
    {
        await CallAsync();
        await _host.Users.SetEnabledAsync(_workspace, _agent.Id, enabled: false);

        (await FluentActions.Awaiting(() => CallAsync()).Should().ThrowAsync<AuthenticationFailedException>())
            .Which.Reason.Should().Be(AuthenticationFailureReason.AccountDisabled);

        await _host.Users.SetEnabledAsync(_workspace, _agent.Id, enabled: true);
        await CallAsync();
        var admin = await _host.CreateAdministratorAsync(_workspace);
        await _host.Users.GrantAsync(admin, _agent.Id, new RightsGrant { FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers } });

        (await CallAsync()).Rights.Has(FunctionalRights.CreateExternalUsers).Should().BeTrue("a grant is a change of the account");
    }

    [Test]
    public async Task ARememberedPassword_IsForgotten_AfterTheConfiguredTime()
    {
        await CallAsync();
        _host.Clock.Advance(_host.Get<IOptions<UserTypesOptions>>().Value.Password.VerifiedCacheDuration);

        await CallAsync();

        Verifications.Should().Be(2);
    }

    [Test]
    public async Task WithTheCacheOff_EveryCallIsVerified()
    {
        using var host = NewHost(o => o.Password.VerifiedCacheDuration = TimeSpan.Zero, shareStoresWith: _host);
        var calls = new ConcurrentQueue<string>();
        var recording = EqualCostTests.RecordingStore.Wrap(host.UserStore, calls);
        var authenticator = ActivatorUtilities.CreateInstance<Authenticator>(
            host.Get<IServiceProvider>(), recording, new PasswordAttempts(recording, host.Get<PasswordHasher>(), host.Get<AuditRecorder>(), host.Get<IOptions<UserTypesOptions>>(), host.Clock));

        for (var i = 0; i < 3; i++)
        {
            await authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("agent", TestHost.Password), ClientKind.ServiceAgent);
        }

        calls.Count(call => call == nameof(IUserLockoutStore.ReserveLoginAttemptAsync)).Should().Be(3);
    }

    // Sends a burst of one agent's calls while the test holds the hashing gate's only slot, so that the first call's
    // verification waits (holding no thread) until every call has arrived; then lets it run.
    private async Task<Task<AuthenticatedUser>[]> BurstAsync(string password, int calls)
    {
        using var burst = NewHost(o => (o.Password.HashingConcurrency, o.Lockout.MaxFailedAttempts) = (1, 3), shareStoresWith: _host);
        var slot = await burst.Get<HashingGate>().EnterAsync(CancellationToken.None);
        var sent = Enumerable.Range(0, calls)
            .Select(_ => burst.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("agent", password), ClientKind.ServiceAgent))
            .ToArray();
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        slot.Dispose();
        await Task.WhenAll(sent).ContinueWith(_ => { }, TaskScheduler.Default);
        return sent;
    }

    [Test]
    public async Task AParallelBurst_WiderThanTheLockoutLimit_SharesOneVerification_AndLocksNothing()
    {
        var calls = await BurstAsync(TestHost.Password, 24);

        calls.Should().OnlyContain(call => call.IsCompletedSuccessfully && call.Result.UserId == _agent.Id, "one verification served the whole burst, so no attempt was left counted");
        (await _host.Users.FindByIdAsync(_workspace, _agent.Id))!.LockoutEnd.Should().BeNull();
    }

    [Test]
    public async Task AParallelBurstOfOneWrongPassword_FailsTogether_OnOneVerification()
    {
        var calls = await BurstAsync("the same wrong guess", 10);

        foreach (var call in calls)
        {
            (await FluentActions.Awaiting(() => call).Should().ThrowAsync<AuthenticationFailedException>())
                .Which.Reason.Should().Be(AuthenticationFailureReason.InvalidCredentials, "the same password gets the same answer");
        }

        (await _host.Users.FindByIdAsync(_workspace, _agent.Id))!.AccessFailedCount.Should().Be(1, "one guess, sent ten times at once, is one guess");
    }
}
