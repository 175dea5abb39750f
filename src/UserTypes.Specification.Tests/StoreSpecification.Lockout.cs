namespace UserTypes.Specification.Tests;

public abstract partial class StoreSpecification
{
    private static readonly string LeeKey = LoginAttemptKeys.ForAccount("id-Lee");

    /// <summary>A fixed lock of 15 minutes after <paramref name="max"/> failures, or back-off from <paramref name="backOff"/>.</summary>
    private static LoginAttemptPolicy Policy(int max = 5, TimeSpan? backOff = null) =>
        LoginAttemptPolicy.From(new LockoutOptions { MaxFailedAttempts = max, Duration = TimeSpan.FromMinutes(15), BackOff = backOff });

    private Task<LoginAttempt?> ReserveAsync(LoginAttemptPolicy policy, string key = "", DateTimeOffset? at = null) =>
        Store.ReserveLoginAttemptAsync(Workspace, key.Length == 0 ? LeeKey : key, policy, at ?? Clock.GetUtcNow(), null, None);

    private async Task<List<LoginAttempt?>> ReserveManyAsync(int count, LoginAttemptPolicy policy)
    {
        var attempts = new List<LoginAttempt?>();
        for (var i = 0; i < count; i++)
        {
            attempts.Add(await ReserveAsync(policy));
        }

        return attempts;
    }

    /// <summary>Reservations count as failures at once; the last one allowed locks, and the next is refused.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Reserve_TheLimitReached_LocksAndRefusesTheNext()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Lee"), null, null, [], None);

        var attempts = await ReserveManyAsync(5, Policy());
        var counted = await AccountAsync("id-Lee");
        var refused = await ReserveAsync(Policy());

        Assert.That(attempts, Has.All.Not.Null);
        Assert.That(attempts.Select(a => a!.Ticket), Is.EqualTo(new long[] { 0, 1, 2, 3, 4 }));
        Assert.That(attempts.Take(4).Select(a => a!.LockedUntil), Has.All.Null);
        Assert.That(attempts[4]!.LockedUntil, Is.EqualTo(Now.AddMinutes(15)));
        Assert.That(refused, Is.Null);
        Assert.That(counted.LockoutEnd, Is.EqualTo(Now.AddMinutes(15)));
        Assert.That(counted.AccessFailedCount, Is.EqualTo(0), "a fixed lock starts the count again");
        Assert.That(counted.Version, Is.EqualTo(1), "attempts are not account writes");
    }

    /// <summary>However many attempts race, exactly the limit is reserved and exactly one of them locks.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Reserve_FortyAtOnce_ReservesExactlyTheLimit()
    {
        await CreateWorkspaceAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => ReserveAsync(Policy()))));

        Assert.That(attempts.Count(a => a is not null), Is.EqualTo(5));
        Assert.That(attempts.Where(a => a is not null).Select(a => a!.Ticket).Order(), Is.EqualTo(new long[] { 0, 1, 2, 3, 4 }));
        Assert.That(attempts.Count(a => a?.LockedUntil is not null), Is.EqualTo(1));
    }

    /// <summary>A success clears the failures counted before it and itself, not those reserved after it.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Release_ClearsOnlyWhatItReserved()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Lee"), null, null, [], None);
        var attempts = await ReserveManyAsync(4, Policy());

        await Store.ReleaseLoginAttemptAsync(Workspace, LeeKey, attempts[2]!, null, None);

        Assert.That((await AccountAsync("id-Lee")).AccessFailedCount, Is.EqualTo(1), "the attempt reserved after the success still counts");
        Assert.That(await ReserveManyAsync(4, Policy()), Has.Exactly(1).Matches<LoginAttempt?>(a => a?.LockedUntil is not null), "one earlier failure and four new ones lock");
    }

    /// <summary>A success lifts the lock it set itself, but never a lock set by an attempt reserved after it.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Release_LiftsItsOwnLock_ButNotANeighboursLock()
    {
        await CreateWorkspaceAsync();
        var own = await ReserveManyAsync(3, Policy(max: 3));
        var otherKey = LoginAttemptKeys.ForAccount("id-Kim");
        var first = await ReserveAsync(Policy(max: 3), otherKey);
        var neighbours = new[] { await ReserveAsync(Policy(max: 3), otherKey), await ReserveAsync(Policy(max: 3), otherKey) };

        await Store.ReleaseLoginAttemptAsync(Workspace, LeeKey, own[2]!, null, None);
        await Store.ReleaseLoginAttemptAsync(Workspace, otherKey, first!, null, None);

        Assert.That(own[2]!.LockedUntil, Is.Not.Null);
        Assert.That(await ReserveAsync(Policy(max: 3)), Is.Not.Null, "its own lock was lifted");
        Assert.That(neighbours[1]!.LockedUntil, Is.Not.Null);
        Assert.That(await ReserveAsync(Policy(max: 3), otherKey), Is.Null, "the lock a later attempt set stands");
    }

    /// <summary>A lock ends on time, and a record left alone for the lockout duration counts as new.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Reserve_AfterTheLockAndAfterExpiry_StartsAgain()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Lee"), null, null, [], None);
        await ReserveManyAsync(5, Policy());

        Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromTicks(1));
        var stillLocked = await ReserveAsync(Policy());
        Clock.Advance(TimeSpan.FromTicks(1));
        var afterLock = await ReserveManyAsync(4, Policy());
        Clock.Advance(TimeSpan.FromMinutes(15));
        var expired = await AccountAsync("id-Lee");
        var fresh = await ReserveManyAsync(4, Policy());

        Assert.That(stillLocked, Is.Null);
        Assert.That(afterLock, Has.All.Matches<LoginAttempt?>(a => a is { LockedUntil: null }));
        Assert.That(expired.AccessFailedCount, Is.EqualTo(0), "expired failures are not shown");
        Assert.That(fresh, Has.All.Matches<LoginAttempt?>(a => a is { LockedUntil: null }), "four failures from an expired record do not lock");
        Assert.That((await AccountAsync("id-Lee")).AccessFailedCount, Is.EqualTo(4));
    }

    /// <summary>With back-off, every failure past the limit locks again, each lock twice as long, up to the duration.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Reserve_WithBackOff_DoublesEachLock_UpToTheDuration()
    {
        await CreateWorkspaceAsync();
        var policy = Policy(max: 3, backOff: TimeSpan.FromMinutes(2));
        var locks = new List<TimeSpan?>();
        var attempts = await ReserveManyAsync(3, policy);
        locks.Add(attempts[2]!.LockedUntil - Clock.GetUtcNow());
        for (var i = 0; i < 4; i++)
        {
            Assert.That(await ReserveAsync(policy), Is.Null, $"lock {i} holds");
            Clock.Advance((TimeSpan)locks[^1]!);
            locks.Add((await ReserveAsync(policy))!.LockedUntil - Clock.GetUtcNow());
        }

        var minutes = locks.Select(length => length!.Value.TotalMinutes);
        Assert.That(minutes, Is.EqualTo(new double[] { 2, 4, 8, 15, 15 }));
    }

    /// <summary>A success lifts its own back-off lock and, with nothing reserved after it, starts the back-off again.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Release_WithBackOff_StartsTheBackOffAgain()
    {
        await CreateWorkspaceAsync();
        var policy = Policy(max: 2, backOff: TimeSpan.FromSeconds(1));
        await ReserveManyAsync(2, policy);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var success = await ReserveAsync(policy);

        await Store.ReleaseLoginAttemptAsync(Workspace, LeeKey, success!, null, None);
        var afterSuccess = await ReserveManyAsync(2, policy);

        Assert.That(success!.LockedUntil, Is.EqualTo(Clock.GetUtcNow().AddSeconds(2)), "the second lock was twice as long");
        Assert.That(afterSuccess[0], Is.Not.Null.And.Property(nameof(LoginAttempt.LockedUntil)).Null, "its lock was lifted and the count started again");
        Assert.That(afterSuccess[1]!.LockedUntil, Is.EqualTo(Clock.GetUtcNow().AddSeconds(1)), "and so did the back-off");
    }

    /// <summary>Clearing (an unlock, a reset) ends the lock and the count.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Clear_EndsTheLockAndTheCount()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Lee"), null, null, [], None);
        await ReserveManyAsync(5, Policy());

        await Store.ClearLoginAttemptsAsync(Workspace, LeeKey, null, None);
        await Store.ClearLoginAttemptsAsync(Workspace, LoginAttemptKeys.ForAccount("nobody"), null, None);

        var cleared = await AccountAsync("id-Lee");
        Assert.That((cleared.AccessFailedCount, cleared.LockoutEnd), Is.EqualTo((0, (DateTimeOffset?)null)));
        Assert.That(await ReserveManyAsync(4, Policy()), Has.All.Matches<LoginAttempt?>(a => a is { LockedUntil: null }));
    }

    /// <summary>A release of an attempt from a record that expired, was purged and was made again changes nothing.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Release_OfAnAttemptFromAPurgedRecord_ChangesNothing()
    {
        await CreateWorkspaceAsync();
        var old = await ReserveAsync(Policy(max: 2));
        Clock.Advance(TimeSpan.FromMinutes(16));
        await ReserveAsync(Policy(max: 2), LoginAttemptKeys.ForAccount("someone else"));
        var remade = await ReserveManyAsync(2, Policy(max: 2));

        await Store.ReleaseLoginAttemptAsync(Workspace, LeeKey, old!, null, None);

        Assert.That(remade[1]!.LockedUntil, Is.Not.Null);
        Assert.That(await ReserveAsync(Policy(max: 2)), Is.Null, "the old attempt lifted nothing");
    }

    /// <summary>Keys are counted apart, and per workspace.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Reserve_KeysAndWorkspaces_AreCountedApart()
    {
        await CreateWorkspaceAsync();
        Assert.That(await Store.TryCreateAsync(NewWorkspace("other"), [], None), Is.True);
        var unknown = LoginAttemptKeys.ForUnknownUserName(Workspace, "lee");

        await ReserveManyAsync(2, Policy(max: 2));
        var otherKey = await ReserveAsync(Policy(max: 2), unknown);
        var otherWorkspace = await Store.ReserveLoginAttemptAsync("other", LeeKey, Policy(max: 2), Clock.GetUtcNow(), null, None);

        Assert.That(await ReserveAsync(Policy(max: 2)), Is.Null);
        Assert.That(otherKey, Is.Not.Null.And.Property(nameof(LoginAttempt.LockedUntil)).Null);
        Assert.That(otherWorkspace, Is.Not.Null.And.Property(nameof(LoginAttempt.Ticket)).EqualTo(0));
    }

    /// <summary>Account reads of every kind show the account's failures and lock; account writes leave them alone.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task AccountReads_ShowTheRecord_AndUpdatesLeaveItAlone()
    {
        await CreateWorkspaceAsync();
        var lee = NewUser("Lee");
        await Store.CreateAsync(lee, null, null, [], None);
        await ReserveManyAsync(2, Policy());
        await Store.UpdateAsync(Changed(lee, account => account with { PersonId = "p-9", AccessFailedCount = 0, LockoutEnd = null }), 1, null, null, [], None);
        await ReserveManyAsync(3, Policy());

        var reads = new[]
        {
            (await Store.FindByIdAsync(Workspace, "id-Lee", None))!.Account,
            (await Store.FindByUserNameAsync(Workspace, UserAccount.NormalizeUserName("Lee"), None))!.Account,
            (await Store.FindByEmailAsync(Workspace, "lee@acme.example", None))!.Account,
            (await Store.ListAsync(Workspace, new UserListFilter { Limit = 10 }, None)).Single().Account,
        };

        Assert.That(reads, Has.All.Matches<UserAccount>(a => a.LockoutEnd == Now.AddMinutes(15) && a.PersonId == "p-9"));
        Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.That((await AccountAsync("id-Lee")).LockoutEnd, Is.Null, "a lock that ended is not shown");
    }
}
