namespace UserTypes.Specification.Tests;

public abstract partial class StoreSpecification
{
    /// <summary>Every field of an account and its secrets reads back as written.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task CreateUser_RoundTripsEveryField()
    {
        await CreateWorkspaceAsync();
        var user = NewUser("Lee") with { Account = NewUser("Lee").Account with { PersonId = "p-1", EmailConfirmed = true }, IsAdministrator = true };

        var result = await Users(Store).CreateAsync(user, seatLimit: null, null, [], None);

        var stored = await Store.FindByIdAsync(Workspace, "id-Lee", None);
        Assert.That(result, Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(stored!.Account, Is.EqualTo(user.Account));
        Assert.That(stored.PasswordHash, Is.EqualTo(user.PasswordHash));
        Assert.That(stored.IsAdministrator, Is.EqualTo(user.IsAdministrator));
    }

    /// <summary>User names are found by their normalised form, and only in their own workspace.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task FindByUserName_UsesTheNormalisedName_AndIsScopedToTheWorkspace()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Lee"), null, null, [], None);

        Assert.That((await Store.FindByUserNameAsync(Workspace, "LEE", None))?.Account.Id, Is.EqualTo("id-Lee"));
        Assert.That(await Store.FindByUserNameAsync("other", "LEE", None), Is.Null);
        Assert.That(await Store.FindByIdAsync("other", "id-Lee", None), Is.Null);
    }

    /// <summary>A user name already held in any case is refused, and nothing is written.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task CreateUser_NameTakenInAnyCase_IsRefused()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Lee"), null, null, [], None);
        var clash = NewUser("LEE") with { Account = NewUser("LEE").Account with { Id = "another-id" } };

        var result = await Store.CreateAsync(clash, null, null, [], None);

        Assert.That(result, Is.EqualTo(UserStoreResult.UserNameTaken));
        Assert.That(await Store.FindByIdAsync(Workspace, "another-id", None), Is.Null);
        Assert.That(await Store.CountSeatsAsync(Workspace, None), Is.EqualTo(new SeatCounts(1, 0)));
    }

    /// <summary>An id already used is a conflict, not a name clash, and overwrites nothing.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task CreateUser_IdTaken_IsAConflict()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Lee"), null, null, [], None);
        var sameId = NewUser("Kim") with { Account = NewUser("Kim").Account with { Id = "id-Lee" } };

        var result = await Store.CreateAsync(sameId, null, null, [], None);

        Assert.That(result, Is.EqualTo(UserStoreResult.Conflict));
        Assert.That((await AccountAsync("id-Lee")).UserName, Is.EqualTo("Lee"));
    }

    /// <summary>The same user name may exist in two workspaces.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task CreateUser_SameNameInAnotherWorkspace_IsAllowed()
    {
        await CreateWorkspaceAsync();
        await Store.TryCreateAsync(NewWorkspace("other"), [], None);
        await Store.CreateAsync(NewUser("Lee"), null, null, [], None);
        var elsewhere = NewUser("Lee") with { Account = NewUser("Lee").Account with { Id = "id-other-Lee", WorkspaceId = "other" } };

        Assert.That(await Store.CreateAsync(elsewhere, null, null, [], None), Is.EqualTo(UserStoreResult.Succeeded));
    }

    /// <summary>The seat gate counts enabled accounts of the account's type only; disabled and anonymous accounts hold none.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task CreateUser_SeatGate_CountsEnabledAccountsOfTheTypeOnly()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("a"), 2, null, [], None);
        await Store.CreateAsync(NewUser("disabled", enabled: false), 2, null, [], None);
        await Store.CreateAsync(NewUser("ext", UserType.External), 2, null, [], None);
        await Store.CreateAsync(NewUser("anon", UserType.Anonymous), 0, null, [], None);

        Assert.That(await Store.CreateAsync(NewUser("b"), 2, null, [], None), Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await Store.CreateAsync(NewUser("c"), 2, null, [], None), Is.EqualTo(UserStoreResult.SeatLimitReached));
        Assert.That(await Store.FindByIdAsync(Workspace, "id-c", None), Is.Null);
        Assert.That(await Store.CountSeatsAsync(Workspace, None), Is.EqualTo(new SeatCounts(2, 1)));
    }

    /// <summary>Many creations racing for a seat limit never overrun it.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task CreateUser_ConcurrentlyAgainstALimit_NeverOverrunsIt()
    {
        await CreateWorkspaceAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => Store.CreateAsync(NewUser($"u{i}", UserType.External), 7, null, [], None))));

        Assert.That(results.Count(r => r == UserStoreResult.Succeeded), Is.EqualTo(7));
        Assert.That(results.Count(r => r == UserStoreResult.SeatLimitReached), Is.EqualTo(23));
        Assert.That((await Store.CountSeatsAsync(Workspace, None)).External, Is.EqualTo(7));
    }

    /// <summary>An update lands at the expected version and conflicts at a stale one; a rename frees the old name.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task UpdateUser_AtTheExpectedVersion_Lands_AndAtAStaleOneConflicts()
    {
        await CreateWorkspaceAsync();
        var user = NewUser("Lee");
        await Store.CreateAsync(user, null, null, [], None);
        var renamed = Changed(user, account => account with { UserName = "Lee2" });

        var landed = await Store.UpdateAsync(renamed, expectedVersion: 1, null, null, [], None);
        var stale = await Store.UpdateAsync(Changed(user, account => account with { UserName = "Lee3" }), expectedVersion: 1, null, null, [], None);

        Assert.That(landed, Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(stale, Is.EqualTo(UserStoreResult.Conflict));
        Assert.That((await Store.FindByUserNameAsync(Workspace, "LEE2", None))?.Account.Version, Is.EqualTo(2));
        Assert.That(await Store.FindByUserNameAsync(Workspace, "LEE", None), Is.Null);
        Assert.That(await Store.FindByUserNameAsync(Workspace, "LEE3", None), Is.Null);
    }

    /// <summary>Of many updates racing from one version, exactly one lands.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task UpdateUser_ConcurrentWritersAtOneVersion_ExactlyOneWins()
    {
        await CreateWorkspaceAsync();
        var user = NewUser("Lee");
        await Store.CreateAsync(user, null, null, [], None);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            Store.UpdateAsync(Changed(user, account => account with { PersonId = $"p-{i}" }), 1, null, null, [], None))));

        Assert.That(results.Count(r => r == UserStoreResult.Succeeded), Is.EqualTo(1));
        Assert.That((await AccountAsync("id-Lee")).Version, Is.EqualTo(2));
    }

    /// <summary>A rename to a name another account holds is refused and changes nothing.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task UpdateUser_RenameToATakenName_IsRefused()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Kim"), null, null, [], None);
        var lee = NewUser("Lee");
        await Store.CreateAsync(lee, null, null, [], None);

        var result = await Store.UpdateAsync(Changed(lee, account => account with { UserName = "KIM" }), 1, null, null, [], None);

        Assert.That(result, Is.EqualTo(UserStoreResult.UserNameTaken));
        Assert.That((await AccountAsync("id-Lee")).UserName, Is.EqualTo("Lee"));
    }

    /// <summary>Enabling past the limit is refused; disabling frees the seat for someone else.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task UpdateUser_EnablingPastTheLimit_IsRefused_AndDisablingFreesASeat()
    {
        await CreateWorkspaceAsync();
        var a = NewUser("a");
        await Store.CreateAsync(a, null, null, [], None);
        var disabled = NewUser("b", enabled: false);
        await Store.CreateAsync(disabled, null, null, [], None);

        var refused = await Store.UpdateAsync(Changed(disabled, account => account with { Enabled = true }), 1, seatLimit: 1, null, [], None);
        var freed = await Store.UpdateAsync(Changed(a, account => account with { Enabled = false }), 1, seatLimit: 1, null, [], None);
        var enabled = await Store.UpdateAsync(Changed(disabled, account => account with { Enabled = true }), 1, seatLimit: 1, null, [], None);

        Assert.That(refused, Is.EqualTo(UserStoreResult.SeatLimitReached));
        Assert.That(freed, Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(enabled, Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await Store.CountSeatsAsync(Workspace, None), Is.EqualTo(new SeatCounts(1, 0)));
    }

    /// <summary>A change that keeps the account's seat is admitted even when the workspace is over its limit.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task UpdateUser_KeepingTheSeatOverTheLimit_IsAdmitted()
    {
        await CreateWorkspaceAsync();
        var a = NewUser("a");
        await Store.CreateAsync(a, null, null, [], None);
        await Store.CreateAsync(NewUser("b"), null, null, [], None);

        var result = await Store.UpdateAsync(Changed(a, account => account with { PersonId = "p-9" }), 1, seatLimit: 1, null, [], None);

        Assert.That(result, Is.EqualTo(UserStoreResult.Succeeded));
    }

    /// <summary>A workspace has one anonymous account: setting another replaces it.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task SetAnonymous_KeepsOneAnonymousAccountPerWorkspace()
    {
        await CreateWorkspaceAsync();
        await Store.SetAnonymousAsync(NewUser("anon", UserType.Anonymous), [], None);
        var replacement = NewUser("guest", UserType.Anonymous) with { Account = NewUser("guest", UserType.Anonymous).Account with { Id = "id-anon", Version = 2 } };
        var another = NewUser("other", UserType.Anonymous);
        var stale = replacement with { Account = replacement.Account with { UserName = "stale" } };

        var result = await Store.SetAnonymousAsync(replacement, [], None);
        var anotherResult = await Store.SetAnonymousAsync(another, [], None);
        var staleResult = await Store.SetAnonymousAsync(stale, [], None);

        Assert.That(result, Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(anotherResult, Is.EqualTo(UserStoreResult.Conflict), "another account never replaces the anonymous one unseen");
        Assert.That(staleResult, Is.EqualTo(UserStoreResult.Conflict), "computed from a version that is gone");
        Assert.That((await Store.FindAnonymousAsync(Workspace, None))?.Account.UserName, Is.EqualTo("guest"));
        Assert.That(await Store.FindByUserNameAsync(Workspace, "ANON", None), Is.Null);
    }

    /// <summary>The anonymous account cannot take another account's name.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task SetAnonymous_WithAnotherAccountsName_IsRefused()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Lee"), null, null, [], None);
        var anonymous = NewUser("lee", UserType.Anonymous) with { Account = NewUser("lee", UserType.Anonymous).Account with { Id = "anon" } };

        var result = await Store.SetAnonymousAsync(anonymous, [], None);

        Assert.That(result, Is.EqualTo(UserStoreResult.UserNameTaken));
        Assert.That(await Store.FindAnonymousAsync(Workspace, None), Is.Null);
    }

    /// <summary>An address belongs to one account of a workspace: a second one is refused, in another workspace it is not.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task CreateUser_AddressTaken_IsRefused_AndFoundByAddress()
    {
        await CreateWorkspaceAsync();
        await Store.TryCreateAsync(NewWorkspace("other"), [], None);
        await Store.CreateAsync(NewUser("Lee"), null, null, [], None);
        var sameAddress = NewUser("Kim") with { Account = NewUser("Kim").Account with { Email = "lee@acme.example" } };
        var elsewhere = sameAddress with { Account = sameAddress.Account with { Id = "id-other-Kim", WorkspaceId = "other" } };

        var refused = await Store.CreateAsync(sameAddress, null, null, [], None);
        var allowed = await Store.CreateAsync(elsewhere, null, null, [], None);

        Assert.That(refused, Is.EqualTo(UserStoreResult.EmailTaken));
        Assert.That(allowed, Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That((await Store.FindByEmailAsync(Workspace, "lee@acme.example", None))?.Account.Id, Is.EqualTo("id-Lee"));
        Assert.That(await Store.FindByEmailAsync(Workspace, "kim@acme.example", None), Is.Null);
    }

    /// <summary>Accounts without an address never clash on it; a name clash is reported before an address clash.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task CreateUser_WithoutAddresses_NeverClashOnThem_AndANameClashComesFirst()
    {
        await CreateWorkspaceAsync();
        var first = NewUser("a") with { Account = NewUser("a").Account with { Email = null } };
        var second = NewUser("b") with { Account = NewUser("b").Account with { Email = null } };
        await Store.CreateAsync(NewUser("Lee"), null, null, [], None);
        var both = NewUser("LEE") with { Account = NewUser("LEE").Account with { Id = "id-both", Email = "lee@acme.example" } };

        Assert.That(await Store.CreateAsync(first, null, null, [], None), Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await Store.CreateAsync(second, null, null, [], None), Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await Store.CreateAsync(both, null, null, [], None), Is.EqualTo(UserStoreResult.UserNameTaken));
    }

    /// <summary>Of many creations racing for one address, exactly one lands.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task CreateUser_ConcurrentlyWithOneAddress_CreatesOne()
    {
        await CreateWorkspaceAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            Store.CreateAsync(NewUser($"u{i}") with { Account = NewUser($"u{i}").Account with { Email = "race@acme.example" } }, null, null, [], None))));

        Assert.That(results.Count(r => r == UserStoreResult.Succeeded), Is.EqualTo(1));
        Assert.That(results.Count(r => r == UserStoreResult.EmailTaken), Is.EqualTo(19));
        Assert.That((await Store.CountSeatsAsync(Workspace, None)).Internal, Is.EqualTo(1));
    }

    /// <summary>Changing to another account's address is refused; an address given up is free for others.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task UpdateUser_ToATakenAddress_IsRefused_AndAFreedAddressIsFree()
    {
        await CreateWorkspaceAsync();
        var lee = NewUser("Lee");
        var kim = NewUser("Kim");
        await Store.CreateAsync(lee, null, null, [], None);
        await Store.CreateAsync(kim, null, null, [], None);

        var refused = await Store.UpdateAsync(Changed(kim, account => account with { Email = "lee@acme.example" }), 1, null, null, [], None);
        var moved = await Store.UpdateAsync(Changed(lee, account => account with { Email = "lee.new@acme.example" }), 1, null, null, [], None);
        var taken = await Store.UpdateAsync(Changed(kim, account => account with { Email = "lee@acme.example" }), 1, null, null, [], None);

        Assert.That(refused, Is.EqualTo(UserStoreResult.EmailTaken));
        Assert.That(moved, Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(taken, Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That((await Store.FindByEmailAsync(Workspace, "lee@acme.example", None))?.Account.Id, Is.EqualTo("id-Kim"));
    }

    /// <summary>A deleted account is gone whole: its seat, user name and address are free, and an older version is a conflict.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task DeleteUser_FreesItsSeatNameAndAddress_AndNeedsTheCurrentVersion()
    {
        await CreateWorkspaceAsync();
        var lee = NewUser("Lee");
        await Store.CreateAsync(lee, null, null, [], None);
        await Store.UpdateAsync(Changed(lee, account => account with { PersonId = "p-2" }), 1, null, null, [], None);
        await Store.ReserveLoginAttemptAsync(Workspace, LoginAttemptKeys.ForAccount("id-Lee"), Policy(), Now, null, None);

        var stale = await Store.DeleteAsync(Workspace, "id-Lee", expectedVersion: 1, [], None);
        var deleted = await Store.DeleteAsync(Workspace, "id-Lee", expectedVersion: 2, [], None);
        var again = await Store.CreateAsync(NewUser("Lee") with { Account = NewUser("Lee").Account with { Id = "id-Lee-2" } }, 1, null, [], None);
        var gone = await Store.FindByIdAsync(Workspace, "id-Lee", None);
        var sameId = await Store.CreateAsync(NewUser("Kim") with { Account = NewUser("Kim").Account with { Id = "id-Lee" } }, null, null, [], None);

        Assert.That(stale, Is.EqualTo(UserStoreResult.Conflict));
        Assert.That(deleted, Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(again, Is.EqualTo(UserStoreResult.Succeeded), "seat, name and address are free again");
        Assert.That(gone, Is.Null);
        Assert.That(sameId, Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That((await AccountAsync("id-Lee")).AccessFailedCount, Is.EqualTo(0), "the deleted account's login attempts went with it");
    }

    /// <summary>The last enabled administrator can be neither deleted, disabled nor demoted; with another one it can.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task TheLastEnabledAdministrator_IsKept()
    {
        await CreateWorkspaceAsync();
        var admin = NewUser("admin") with { IsAdministrator = true };
        var disabledAdmin = NewUser("dormant", enabled: false) with { IsAdministrator = true };
        await Store.CreateAsync(admin, null, null, [], None);
        await Store.CreateAsync(disabledAdmin, null, null, [], None);

        var delete = await Store.DeleteAsync(Workspace, "id-admin", 1, [], None);
        var disable = await Store.UpdateAsync(Changed(admin, account => account with { Enabled = false }), 1, null, null, [], None);
        var demote = await Store.UpdateAsync(Changed(admin, account => account) with { IsAdministrator = false }, 1, null, null, [], None);
        await Store.CreateAsync(NewUser("second") with { IsAdministrator = true }, null, null, [], None);
        var deleteWithASecond = await Store.DeleteAsync(Workspace, "id-admin", 1, [], None);

        Assert.That(new[] { delete, disable, demote }, Is.All.EqualTo(UserStoreResult.LastAdministrator));
        Assert.That(deleteWithASecond, Is.EqualTo(UserStoreResult.Succeeded));
    }

    /// <summary>Administrators removing each other at once never leave the workspace without one.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task AdministratorsDeletedConcurrently_LeaveOne()
    {
        await CreateWorkspaceAsync();
        for (var i = 0; i < 6; i++)
        {
            await Store.CreateAsync(NewUser($"admin{i}") with { IsAdministrator = true }, null, null, [], None);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Store.DeleteAsync(Workspace, $"id-admin{i}", 1, [], None))));

        Assert.That(results.Count(r => r == UserStoreResult.Succeeded), Is.EqualTo(5));
        Assert.That(results.Count(r => r == UserStoreResult.LastAdministrator), Is.EqualTo(1));
    }

    /// <summary>A listing is ordered by normalised name (ordinal), continues strictly after a position, and filters.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task List_OrdersByNormalisedName_ContinuesAfterAPosition_AndFilters()
    {
        await CreateWorkspaceAsync();
        foreach (var name in new[] { "b", "A_1", "a1", "C", "d" })
        {
            await Store.CreateAsync(NewUser(name, name == "d" ? UserType.External : UserType.Internal), null, null, [], None);
        }

        var all = await Store.ListAsync(Workspace, new UserListFilter { Limit = 10 }, None);
        var after = await Store.ListAsync(Workspace, new UserListFilter { After = ("A_1", "id-A_1"), Limit = 2 }, None);
        var prefix = await Store.ListAsync(Workspace, new UserListFilter { UserNamePrefix = "A_", EmailPrefix = "a_", Limit = 10 }, None);
        var external = await Store.ListAsync(Workspace, new UserListFilter { UserType = UserType.External, Limit = 10 }, None);

        Assert.That(all.Select(user => user.NormalizedUserName), Is.EqualTo(new[] { "A1", "A_1", "B", "C", "D" }), "ordinal: '1' < '_'");
        Assert.That(after.Select(user => user.NormalizedUserName), Is.EqualTo(new[] { "B", "C" }));
        Assert.That(prefix.Select(user => user.NormalizedUserName), Is.EqualTo(new[] { "A_1" }), "'_' is literal");
        Assert.That(external.Select(user => user.NormalizedUserName), Is.EqualTo(new[] { "D" }));
    }

    // The account capability alone, as the user directory sees it.
    private static IUserAccountStore Users(IUserTypesStore store) => store;
}
