using System.Threading.RateLimiting;

namespace UserTypes.Tests.Authentication;

/// <summary>
/// Every BCrypt computation passes the hashing gate: a few run at once, a few wait, and the rest are refused at once
/// with <see cref="HashingBusyException"/>, having changed and counted nothing. Calls that need no hashing never wait.
/// The tests hold the gate's only slot themselves, so what is refused does not depend on timing.
/// </summary>
public sealed class HashingGateTests
{
    private TestHost _host = null!;
    private string _workspace = null!;
    private UserAccount _staff = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = new TestHost(o =>
        {
            (o.Password.HashingConcurrency, o.Password.HashingQueueLength) = (1, 1);
            o.AnonymousUsers.AllowImplicit = true;
        });
        _workspace = await _host.CreateWorkspaceAsync(license: new WorkspaceLicense { AnonymousUsers = true });
        _staff = await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);
        await _host.Users.SetAnonymousUserAsync(_workspace, "anonymous", TestHost.Password);
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    // Takes the one slot, and the one place in the queue when asked to.
    private async Task<(RateLimitLease Slot, Task<AuthenticatedUser>? Queued)> FillAsync(bool queue)
    {
        var slot = await _host.Get<HashingGate>().EnterAsync(CancellationToken.None);
        var queued = queue ? _host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("staff", TestHost.Password), ClientKind.WebApplication) : null;
        return (slot, queued);
    }

    [Test]
    public async Task BeyondTheSlotsAndTheQueue_ALogin_IsRefusedAtOnce_AndCountsNothing()
    {
        var (slot, queued) = await FillAsync(queue: true);

        var refused = await FluentActions.Awaiting(() => _host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("staff", "a wrong guess"), ClientKind.ServiceAgent))
            .Should().ThrowAsync<HashingBusyException>();

        refused.Which.RetryAfter.Should().BePositive();
        (await _host.Users.FindByIdAsync(_workspace, _staff.Id))!.AccessFailedCount.Should().Be(0, "a refused attempt was never reserved");
        queued!.IsCompleted.Should().BeFalse("the queued login waits for the slot");

        slot.Dispose();
        (await queued).UserId.Should().Be(_staff.Id, "the queued login runs once the slot is free");
    }

    [Test]
    public async Task ALoginTheGateTurnsAway_CostsNoStoreWork()
    {
        var calls = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var recording = EqualCostTests.RecordingStore.Wrap(_host.UserStore, calls);
        var attempts = new PasswordAttempts(recording, _host.Get<PasswordHasher>(), _host.Get<AuditRecorder>(), _host.Get<Microsoft.Extensions.Options.IOptions<UserTypesOptions>>(), _host.Clock);
        var authenticator = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<Authenticator>(_host.Get<IServiceProvider>(), recording, attempts);
        var (slot, _) = await FillAsync(queue: true);
        using (slot)
        {
            await FluentActions.Awaiting(() => authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("staff", "a wrong guess"), ClientKind.ServiceAgent))
                .Should().ThrowAsync<HashingBusyException>();
        }

        calls.Should().BeEmpty("a flood the gate refuses must not turn into a flood of database reads");
    }

    [Test]
    public async Task AnUnknownWorkspace_IsGatedLikeAKnownOne()
    {
        var (slot, _) = await FillAsync(queue: true);
        using (slot)
        {
            await FluentActions.Awaiting(() => _host.Authenticator.AuthenticateAsync("no-such-workspace", new PasswordCredentials("staff", "a wrong guess"), ClientKind.ServiceAgent))
                .Should().ThrowAsync<HashingBusyException>("its dummy hash costs the same, so it waits or is refused the same");
        }
    }

    [Test]
    public async Task SettingAPassword_IsGated_AndWritesNothingWhenRefused()
    {
        var (slot, _) = await FillAsync(queue: true);
        using (slot)
        {
            await FluentActions.Awaiting(() => _host.Users.CreateInternalUserAsync(_workspace, "late", "late@softr.io", TestHost.Password))
                .Should().ThrowAsync<HashingBusyException>();
        }

        (await _host.Users.FindByUserNameAsync(_workspace, "late")).Should().BeNull();
    }

    [Test]
    public async Task AnonymousCalls_RememberedPasswords_AndApiKeys_NeverWait()
    {
        var agent = await _host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("staff", TestHost.Password), ClientKind.ServiceAgent);
        var key = await _host.Get<IApiKeys>().CreateAsync(agent, "agent");

        // The new key changed the account, which forgot the password: the agent's next call remembers it again.
        await _host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("staff", TestHost.Password), ClientKind.ServiceAgent);
        var (slot, _) = await FillAsync(queue: true);
        using (slot)
        {
            (await _host.Authenticator.AuthenticateAsync(_workspace, null, ClientKind.ServiceAgent)).IsImplicitAnonymous.Should().BeTrue();
            (await _host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("staff", TestHost.Password), ClientKind.ServiceAgent)).UserId.Should().Be(_staff.Id);
            (await _host.Authenticator.AuthenticateApiKeyAsync(_workspace, key.Key)).ApiKeyId.Should().Be(key.ApiKey.Id);
        }
    }
}
