using System.Diagnostics;

namespace UserTypes.Specification.Tests;

/// <summary>
/// The store specification for a store that several processes share (a database server, a file): everything in
/// <see cref="StoreSpecification"/>, plus what must hold between instances on one database. Each call of
/// <see cref="StoreSpecification.StartInstance"/> builds a new container whose <see cref="StoreSpecification.AddStores"/>
/// must use the current test's database, as a second process of the host would.
/// </summary>
public abstract class SharedDatabaseStoreSpecification : StoreSpecification
{
    /// <summary>How long another instance may take to hear of a change. Default 5 seconds.</summary>
    protected virtual TimeSpan NotificationBound => TimeSpan.FromSeconds(5);

    /// <summary>A write in one instance reaches the other instance's change signal, naming what changed.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task WriteInOneInstance_RaisesTheChangeSignalInTheOther()
    {
        var (other, otherChanges) = StartInstance();
        await other.FindAsync(Workspace, CancellationToken.None);
        var workspaceHeard = Heard(otherChanges, change => change.WorkspaceId == Workspace && change.UserId is null);
        var accountHeard = Heard(otherChanges, change => change.WorkspaceId == Workspace && change.UserId == "id-Lee");

        await Store.TryCreateAsync(new WorkspaceRecord { Id = Workspace }, [], CancellationToken.None);
        await WithinBoundAsync(workspaceHeard, "the new workspace");
        await Store.CreateAsync(NewAccount("Lee"), null, null, [], CancellationToken.None);
        await WithinBoundAsync(accountHeard, "the new account");
    }

    /// <summary>A session one instance removes (a logout) is gone for another, which hears of it as a change of the account.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task ASessionRemovedByOneInstance_IsGoneForAnother_WhichHearsOfIt()
    {
        var (other, otherChanges) = StartInstance();
        await Store.TryCreateAsync(new WorkspaceRecord { Id = Workspace }, [], CancellationToken.None);
        await Store.AddSessionAsync(NewSession("id-Lee", "s1", 0), 5, CancellationToken.None);
        Assert.That((await other.FindSessionsAsync(Workspace, "id-Lee", CancellationToken.None)).Select(session => session.Id), Is.EqualTo(new[] { "s1" }));
        var heard = Heard(otherChanges, change => change.WorkspaceId == Workspace && change.UserId == "id-Lee");

        await Store.RemoveSessionAsync(Workspace, "id-Lee", "s1", CancellationToken.None);

        Assert.That(await other.FindSessionsAsync(Workspace, "id-Lee", CancellationToken.None), Is.Empty);
        await WithinBoundAsync(heard, "the removed session");
    }

    /// <summary>Two instances racing for the seats of one workspace never overrun the limit together.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task TwoInstances_RacingForSeats_NeverOverrunTheLimit()
    {
        var (other, _) = StartInstance();
        await Store.TryCreateAsync(new WorkspaceRecord { Id = Workspace }, [], CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Task.Run(() => (i % 2 == 0 ? Store : other).CreateAsync(NewAccount($"u{i}"), 6, null, [], CancellationToken.None))));

        Assert.That(results.Count(result => result == UserStoreResult.Succeeded), Is.EqualTo(6));
        Assert.That((await other.CountSeatsAsync(Workspace, CancellationToken.None)).Internal, Is.EqualTo(6));
    }

    /// <summary>Two instances reserving login attempts for one key at once reserve exactly the limit between them.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task TwoInstances_ReservingAttempts_ReserveExactlyTheLimit()
    {
        var (other, _) = StartInstance();
        await Store.TryCreateAsync(new WorkspaceRecord { Id = Workspace }, [], CancellationToken.None);
        var policy = LoginAttemptPolicy.From(new LockoutOptions { MaxFailedAttempts = 5 });
        var key = LoginAttemptKeys.ForUnknownUserName(Workspace, "lee");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => (i % 2 == 0 ? Store : other).ReserveLoginAttemptAsync(Workspace, key, policy, Clock.GetUtcNow(), null, CancellationToken.None))));

        Assert.That(attempts.Count(attempt => attempt is not null), Is.EqualTo(5));
        Assert.That(attempts.Count(attempt => attempt?.LockedUntil is not null), Is.EqualTo(1));
    }

    /// <summary>Instances starting at the same moment on an empty database all work (the schema is made once).</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task InstancesStartingAtOnce_AllWork()
    {
        var (second, _) = StartInstance();
        var (third, _) = StartInstance();

        await Task.WhenAll(
            Task.Run(() => Store.FindAsync("nothing", CancellationToken.None)),
            Task.Run(() => second.FindAsync("nothing", CancellationToken.None)),
            Task.Run(() => third.FindAsync("nothing", CancellationToken.None)));
        await second.TryCreateAsync(new WorkspaceRecord { Id = Workspace }, [], CancellationToken.None);

        Assert.That((await third.FindAsync(Workspace, CancellationToken.None))?.Version, Is.EqualTo(1));
    }

    private static StoredUser NewAccount(string name) => new()
    {
        Account = new UserAccount { Id = "id-" + name, WorkspaceId = Workspace, UserName = name, UserType = UserType.Internal, UserTypeSource = UserTypeSource.Assigned },
        PasswordHash = "$2a$04$hash-of-" + name,
    };

    private static Task Heard(StoreChangeSignal signal, Func<StoreChangedEventArgs, bool> match)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        signal.Changed += (_, change) =>
        {
            if (match(change))
            {
                heard.TrySetResult();
            }
        };
        return heard.Task;
    }

    private async Task WithinBoundAsync(Task heard, string what)
    {
        var clock = Stopwatch.StartNew();
        var done = await Task.WhenAny(heard, Task.Delay(NotificationBound)).ConfigureAwait(false);
        Assert.That(done, Is.SameAs(heard), $"the other instance did not hear of {what} within {NotificationBound.TotalSeconds} s");
        TestContext.Out.WriteLine($"Heard of {what} after {clock.ElapsedMilliseconds} ms.");
    }
}
