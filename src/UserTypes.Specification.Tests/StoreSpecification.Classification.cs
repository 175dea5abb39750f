namespace UserTypes.Specification.Tests;

public abstract partial class StoreSpecification
{
    /// <summary>Only classified accounts change type, seats follow, and a pass from an older workspace version is refused.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Reclassify_ChangesClassifiedAccountsOnly_AndRefusesAnOlderVersion()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("signed", UserType.External, UserTypeSource.Classified), null, null, [], None);
        await Store.CreateAsync(NewUser("assigned", UserType.External), null, null, [], None);

        var report = await Store.ReclassifyAsync(Workspace, 5, _ => UserType.Internal, ReclassifiedPass, None);
        var stale = await Store.ReclassifyAsync(Workspace, 4, _ => UserType.External, ReclassifiedPass, None);

        Assert.That(report, Is.EqualTo(new ReclassificationReport { Examined = 1, BecameInternal = 1, InternalUsers = 1, ExternalUsers = 1 }));
        Assert.That(stale, Is.Null);
        Assert.That((await AccountAsync("id-signed")).UserType, Is.EqualTo(UserType.Internal));
        Assert.That((await AccountAsync("id-assigned")).UserType, Is.EqualTo(UserType.External));
        Assert.That(await Store.CountSeatsAsync(Workspace, None), Is.EqualTo(new SeatCounts(1, 1)));
    }

    /// <summary>A new type ends the account's sessions: a re-typed account gets a new security stamp, the others keep theirs.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Reclassify_GivesEveryRetypedAccountANewSecurityStamp()
    {
        await CreateWorkspaceAsync();
        var retyped = NewUser("retyped", UserType.External, UserTypeSource.Classified);
        var kept = NewUser("kept", UserType.Internal, UserTypeSource.Classified);
        await Store.CreateAsync(retyped, null, null, [], None);
        await Store.CreateAsync(kept, null, null, [], None);

        await Store.ReclassifyAsync(Workspace, 2, _ => UserType.Internal, ReclassifiedPass, None);

        Assert.That((await AccountAsync("id-retyped")).SecurityStamp, Is.Not.EqualTo(retyped.Account.SecurityStamp));
        Assert.That((await AccountAsync("id-kept")).SecurityStamp, Is.EqualTo(kept.Account.SecurityStamp));
    }

    /// <summary>A pass that throws halfway writes nothing.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Reclassify_WhenClassifyThrows_WritesNothing()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("a", UserType.External, UserTypeSource.Classified), null, null, [], None);
        await Store.CreateAsync(NewUser("b", UserType.External, UserTypeSource.Classified), null, null, [], None);
        var calls = 0;

        Assert.ThrowsAsync<InvalidOperationException>(() =>
            Store.ReclassifyAsync(Workspace, 1, _ => ++calls == 2 ? throw new InvalidOperationException("boom") : UserType.Internal, ReclassifiedPass, None));

        Assert.That(await Store.CountSeatsAsync(Workspace, None), Is.EqualTo(new SeatCounts(0, 2)));
        Assert.That((await AccountAsync("id-a")).UserType, Is.EqualTo(UserType.External));
    }

    /// <summary>Passes racing with different versions leave the newest one's types in place.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Reclassify_ConcurrentPasses_TheNewestVersionWins()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("signed", UserType.External, UserTypeSource.Classified), null, null, [], None);

        await Task.WhenAll(Enumerable.Range(1, 20).Select(version => Task.Run(() =>
            Store.ReclassifyAsync(Workspace, version, _ => version % 2 == 0 ? UserType.Internal : UserType.External, ReclassifiedPass, None))));

        Assert.That((await AccountAsync("id-signed")).UserType, Is.EqualTo(UserType.Internal), "version 20 classifies internal");
        Assert.That(await Store.ReclassifyAsync(Workspace, 19, _ => UserType.External, ReclassifiedPass, None), Is.Null);
    }
}
