using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace UserTypes.Tests.Authentication;

/// <summary>
/// Races a second review found in the remembered-password mends, each mended: a verification whose reservation was
/// taken just before the account was locked must not remember the password after the lock (the lock's signal forgets
/// only what was remembered before it, so the lock itself is read); and calls whose shared success went stale must
/// share one new verification, not each verify alone.
/// </summary>
public sealed class RememberedPasswordRaceTests
{
    [Test]
    public async Task ALockThatLandsDuringTheAgentsVerification_IsNotOutlivedByARememberedPassword()
    {
        var services = Services(options => options.Lockout.MaxFailedAttempts = 3);

        // The hook stands for timing: the guesser's wrong passwords land while the agent's right one is being verified
        // (after its reservation, before its release), which is the window of one BCrypt.
        LockWhileVerifying? hook = null;
        services.Replace(ServiceDescriptor.Singleton<IUserLockoutStore>(
            provider => hook = new LockWhileVerifying((IUserLockoutStore)provider.GetRequiredService<IUserTypesStore>(), provider)));
        using var provider = services.BuildServiceProvider();
        var authenticator = provider.GetRequiredService<IAuthenticator>();
        var users = provider.GetRequiredService<IUserDirectory>();

        var (workspace, agent) = await CreateAgentAsync(provider);
        _ = provider.GetRequiredService<IUserLockoutStore>();
        hook!.Armed = true;

        // The agent's call began before the lock: it may succeed. What matters is what it leaves remembered.
        await authenticator.AuthenticateAsync(workspace, new PasswordCredentials("agent", TestHost.Password), ClientKind.ServiceAgent);
        hook.Locked.Should().BeTrue("the guesses locked the account while the agent's password was being verified");
        (await users.FindByIdAsync(workspace, agent.Id))!.LockoutEnd.Should().NotBeNull("the account is locked");

        // Control: the right password checked anew is refused while locked.
        (await LoginOutcome.OfAsync(authenticator, workspace, "agent", TestHost.Password)).Should().Be(AuthenticationFailureReason.LockedOut);

        // The guesser, over the service scheme: the right password must be refused while the account is locked.
        AuthenticationFailureReason? outcome;
        try
        {
            await authenticator.AuthenticateAsync(workspace, new PasswordCredentials("agent", TestHost.Password), ClientKind.ServiceAgent);
            outcome = null;
        }
        catch (AuthenticationFailedException e)
        {
            outcome = e.Reason;
        }

        outcome.Should().Be(AuthenticationFailureReason.LockedOut, "a locked account must not confirm a guess, remembered or not");
    }

    /// <summary>
    /// Joiners of a verification in flight whose shared success is not remembered at a current generation (any change
    /// in the account's generation stripe or workspace between the leader's remember and their look) must not verify
    /// each on its own: N reservations would each count as a failure until released, and a burst wider than the lockout
    /// limit could lock the agent's own account. They share one new verification.
    /// </summary>
    [Test]
    public async Task JoinersWhoseSharedSuccessIsNotCurrent_ShareOneNewVerification()
    {
        var services = Services(options => (options.Password.HashingConcurrency, options.Lockout.MaxFailedAttempts) = (1, 100));
        CountingLockout? counter = null;
        ChangeAfterReRead? users = null;
        services.Replace(ServiceDescriptor.Singleton<IUserLockoutStore>(
            provider => counter = new CountingLockout((IUserLockoutStore)provider.GetRequiredService<IUserTypesStore>())));
        services.Replace(ServiceDescriptor.Singleton<IUserAccountStore>(
            provider => users = new ChangeAfterReRead((IUserAccountStore)provider.GetRequiredService<IUserTypesStore>(), provider.GetRequiredService<StoreChangeSignal>())));
        using var provider = services.BuildServiceProvider();
        var authenticator = provider.GetRequiredService<IAuthenticator>();

        var (workspace, _) = await CreateAgentAsync(provider);
        _ = provider.GetRequiredService<IUserLockoutStore>();
        _ = provider.GetRequiredService<IUserAccountStore>();
        users!.Armed = true;

        Task<AuthenticatedUser> Call() => authenticator.AuthenticateAsync(workspace, new PasswordCredentials("agent", TestHost.Password), ClientKind.ServiceAgent);

        // The only slot is busy, so the leader queues and the joiners join its flight.
        var slot = await provider.GetRequiredService<HashingGate>().EnterAsync(CancellationToken.None);
        var leader = Call();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var joiners = Enumerable.Range(0, 8).Select(_ => Call()).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        slot.Dispose();
        await Task.WhenAll([leader, .. joiners]);

        counter!.Reservations.Should().BeLessThanOrEqualTo(2, "one verification for the flight, and at most one shared re-verification for the joiners; got one per joiner");
    }

    // The in-memory services at work factor 4, with a queue that holds every call: each test replaces a store
    // capability with one that stands for the timing of its race.
    private static ServiceCollection Services(Action<UserTypesOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)));
        services.AddSingleton<IAccountMailer>(new CapturingMailer());
        services.AddSingleton<IAuditActorAccessor>(new TestHost.AuditActor());
        services.AddUserTypes(options =>
        {
            (options.Password.WorkFactor, options.Password.HashingQueueLength) = (4, 10_000);
            configure(options);
        }).AddInMemoryStores();
        return services;
    }

    private static async Task<(string Workspace, UserAccount Agent)> CreateAgentAsync(IServiceProvider provider)
    {
        var workspace = "ws-" + Guid.NewGuid().ToString("N");
        await provider.GetRequiredService<IWorkspaceDirectory>().CreateAsync(workspace, "owner@softr.io");
        return (workspace, await provider.GetRequiredService<IUserDirectory>().CreateInternalUserAsync(workspace, "agent", "agent@softr.io", TestHost.Password));
    }

    private sealed class CountingLockout(IUserLockoutStore inner) : IUserLockoutStore
    {
        private int _reservations;

        public int Reservations => Volatile.Read(ref _reservations);

        public Task<LoginAttempt?> ReserveLoginAttemptAsync(string workspaceId, string attemptKey, LoginAttemptPolicy policy, DateTimeOffset now, AuditEntry? lockedOut, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reservations);
            return inner.ReserveLoginAttemptAsync(workspaceId, attemptKey, policy, now, lockedOut, cancellationToken);
        }

        public Task ReleaseLoginAttemptAsync(string workspaceId, string attemptKey, LoginAttempt attempt, AuditEntry? lifted, CancellationToken cancellationToken) =>
            inner.ReleaseLoginAttemptAsync(workspaceId, attemptKey, attempt, lifted, cancellationToken);

        public Task ClearLoginAttemptsAsync(string workspaceId, string attemptKey, AuditEntry? audit, CancellationToken cancellationToken) =>
            inner.ClearLoginAttemptsAsync(workspaceId, attemptKey, audit, cancellationToken);
    }

    // The first read by id once armed (the leader's RememberAsync) is followed by a change of the account, as an
    // unrelated write (a grant, another account in the same generation stripe) landing at that moment would be.
    private sealed class ChangeAfterReRead(IUserAccountStore inner, StoreChangeSignal changes) : IUserAccountStore
    {
        private int _armed;

        public bool Armed
        {
            set => Volatile.Write(ref _armed, value ? 1 : 0);
        }

        public async Task<StoredUser?> FindByIdAsync(string workspaceId, string userId, CancellationToken cancellationToken)
        {
            var found = await inner.FindByIdAsync(workspaceId, userId, cancellationToken);
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                changes.AccountChanged(workspaceId, userId);
            }

            return found;
        }

        public Task<UserStoreResult> CreateAsync(StoredUser user, int? seatLimit, string? consumedTokenId, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
            inner.CreateAsync(user, seatLimit, consumedTokenId, audit, cancellationToken);

        public Task<UserStoreResult> UpdateAsync(StoredUser user, long expectedVersion, int? seatLimit, string? consumedTokenId, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
            inner.UpdateAsync(user, expectedVersion, seatLimit, consumedTokenId, audit, cancellationToken);

        public Task<UserStoreResult> DeleteAsync(string workspaceId, string userId, long expectedVersion, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
            inner.DeleteAsync(workspaceId, userId, expectedVersion, audit, cancellationToken);

        public Task<UserStoreResult> SetAnonymousAsync(StoredUser user, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
            inner.SetAnonymousAsync(user, audit, cancellationToken);

        public Task<StoredUser?> FindByEmailAsync(string workspaceId, string email, CancellationToken cancellationToken) =>
            inner.FindByEmailAsync(workspaceId, email, cancellationToken);

        public Task<StoredUser?> FindByUserNameAsync(string workspaceId, string normalizedUserName, CancellationToken cancellationToken) =>
            inner.FindByUserNameAsync(workspaceId, normalizedUserName, cancellationToken);

        public Task<IReadOnlyList<StoredUser>> ListAsync(string workspaceId, UserListFilter filter, CancellationToken cancellationToken) =>
            inner.ListAsync(workspaceId, filter, cancellationToken);

        public Task<StoredUser?> FindAnonymousAsync(string workspaceId, CancellationToken cancellationToken) =>
            inner.FindAnonymousAsync(workspaceId, cancellationToken);
    }

    private sealed class LockWhileVerifying(IUserLockoutStore inner, IServiceProvider provider) : IUserLockoutStore
    {
        public bool Armed { get; set; }

        public bool Locked { get; private set; }

        public Task<LoginAttempt?> ReserveLoginAttemptAsync(string workspaceId, string attemptKey, LoginAttemptPolicy policy, DateTimeOffset now, AuditEntry? lockedOut, CancellationToken cancellationToken) =>
            inner.ReserveLoginAttemptAsync(workspaceId, attemptKey, policy, now, lockedOut, cancellationToken);

        public async Task ReleaseLoginAttemptAsync(string workspaceId, string attemptKey, LoginAttempt attempt, AuditEntry? lifted, CancellationToken cancellationToken)
        {
            if (Armed)
            {
                Armed = false;
                var authenticator = provider.GetRequiredService<IAuthenticator>();
                for (var guess = 0; guess < 10 && !Locked; guess++)
                {
                    Locked = await LoginOutcome.OfAsync(authenticator, workspaceId, "agent", $"wrong guess number {guess}") == AuthenticationFailureReason.LockedOut;
                }
            }

            await inner.ReleaseLoginAttemptAsync(workspaceId, attemptKey, attempt, lifted, cancellationToken);
        }

        public Task ClearLoginAttemptsAsync(string workspaceId, string attemptKey, AuditEntry? audit, CancellationToken cancellationToken) =>
            inner.ClearLoginAttemptsAsync(workspaceId, attemptKey, audit, cancellationToken);
    }
}
