namespace UserTypes.Specification.Tests;

public abstract partial class StoreSpecification
{
    /// <summary>Concurrent failures are each counted, and the one that reaches the limit locks and restarts the count.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task RecordFailedLogin_ConcurrentFailuresAreEachCounted_AndTheLimitLocks()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Lee"), null, null, None);

        await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => Task.Run(() => Store.RecordFailedLoginAsync(Workspace, "id-Lee", 1000, Now, None))));
        var counted = await AccountAsync("id-Lee");
        var locked = await Store.RecordFailedLoginAsync(Workspace, "id-Lee", 26, Now.AddMinutes(15), None);

        Assert.That(counted.AccessFailedCount, Is.EqualTo(25));
        Assert.That(counted.Version, Is.EqualTo(26));
        Assert.That(locked!.AccessFailedCount, Is.EqualTo(0));
        Assert.That(locked.LockoutEnd, Is.EqualTo(Now.AddMinutes(15)));
        Assert.That(await Store.RecordFailedLoginAsync(Workspace, "missing", 5, Now, None), Is.Null);
    }

    /// <summary>Of many failures racing past the limit, exactly one locks the account, and none is lost.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task RecordFailedLogin_ConcurrentlyPastTheLimit_LocksOnceForEveryFiveFailures()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Lee"), null, null, None);

        var after = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Store.RecordFailedLoginAsync(Workspace, "id-Lee", 5, Now.AddMinutes(15), None))));

        Assert.That(after.Count(account => account!.AccessFailedCount == 0), Is.EqualTo(2), "the 5th and the 10th failure lock");
        Assert.That((await AccountAsync("id-Lee")).AccessFailedCount, Is.EqualTo(2));
    }

    /// <summary>
    /// An update racing a failure count either lands whole or conflicts: it never reports success for a write that
    /// did not land, and the seat counters stay equal to the accounts.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task UpdateRacingAFailureCount_LandsWholeOrConflicts()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Lee"), null, null, None);

        for (var round = 0; round < 30; round++)
        {
            var current = (await Store.FindByIdAsync(Workspace, "id-Lee", None))!;
            var toggled = Changed(current, account => account with { Enabled = !account.Enabled });
            var update = Task.Run(() => Store.UpdateAsync(toggled, current.Account.Version, null, null, None));
            await Task.WhenAll([update, .. Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.RecordFailedLoginAsync(Workspace, "id-Lee", 1000, Now, None)))]);

            var after = await AccountAsync("id-Lee");
            Assert.That(after.Enabled, Is.EqualTo(update.Result == UserStoreResult.Succeeded ? toggled.Account.Enabled : current.Account.Enabled), $"round {round}: {update.Result}");
            Assert.That((await Store.CountSeatsAsync(Workspace, None)).Internal, Is.EqualTo(after.Enabled ? 1 : 0), $"round {round}: seat counters");
        }
    }

    /// <summary>A success clears failures and lockout and can store a rehash.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task RecordSuccessfulLogin_ClearsFailuresAndLockout_AndStoresARehash()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Lee"), null, null, None);
        await Store.RecordFailedLoginAsync(Workspace, "id-Lee", 1, Now.AddMinutes(15), None);

        await Store.RecordSuccessfulLoginAsync(Workspace, "id-Lee", "$2a$05$new", None);

        var stored = (await Store.FindByIdAsync(Workspace, "id-Lee", None))!;
        Assert.That(stored.Account.AccessFailedCount, Is.EqualTo(0));
        Assert.That(stored.Account.LockoutEnd, Is.Null);
        Assert.That(stored.PasswordHash, Is.EqualTo("$2a$05$new"));
    }

    /// <summary>A success without a rehash keeps the stored hash.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task RecordSuccessfulLogin_WithoutARehash_KeepsTheHash()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Lee"), null, null, None);

        await Store.RecordSuccessfulLoginAsync(Workspace, "id-Lee", newPasswordHash: null, None);

        Assert.That((await Store.FindByIdAsync(Workspace, "id-Lee", None))!.PasswordHash, Is.EqualTo(NewUser("Lee").PasswordHash));
    }
}
