namespace UserTypes.Specification.Tests;

public abstract partial class StoreSpecification
{
    private static AuditEntry Created(string id) => Entry(AuditActions.UserCreated, "id-" + id, $"Account id-{id} created.");

    private async Task<IReadOnlyList<AuditEntry>> TrailAsync(string workspace = Workspace, bool descending = false, long? after = null, int limit = 1000) =>
        await Store.ReadAuditAsync(workspace, new AuditFilter { Descending = descending, After = after, Limit = limit }, None);

    /// <summary>A committed write has its entries, with the sequence the store gave them; the rest as handed in.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Audit_ACommittedWrite_HasItsEntries_InOrder()
    {
        Assert.That(await Store.TryCreateAsync(NewWorkspace(), [Entry(AuditActions.WorkspaceCreated, null, "Workspace created.")], None), Is.True);
        var lee = NewUser("Lee");
        await Store.CreateAsync(lee, null, null, [Created("Lee"), Entry(AuditActions.InvitationAccepted, "id-Lee", "Invitation accepted.")], None);
        await Store.UpdateAsync(Changed(lee, account => account with { Enabled = false }), 1, null, null, [Entry(AuditActions.UserDisabled, "id-Lee", "Disabled.")], None);

        var trail = await TrailAsync();

        Assert.That(trail.Select(entry => entry.Action), Is.EqualTo(new[]
        {
            AuditActions.WorkspaceCreated, AuditActions.UserCreated, AuditActions.InvitationAccepted, AuditActions.UserDisabled,
        }));
        Assert.That(trail.Select(entry => entry.Sequence), Is.Ordered.Ascending.And.Unique);
        Assert.That(trail[0].Sequence, Is.Positive);
        Assert.That(trail[1], Is.EqualTo(Created("Lee") with { Sequence = trail[1].Sequence }), "every field kept as handed in");
    }

    /// <summary>A write the store refuses or that conflicts leaves no entry.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Audit_AWriteThatDoesNotCommit_LeavesNoEntry()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("a"), 1, null, [Created("a")], None);

        var seat = await Store.CreateAsync(NewUser("b"), 1, null, [Created("b")], None);
        var clash = await Store.CreateAsync(NewUser("a") with { Account = NewUser("a").Account with { Id = "other" } }, null, null, [Created("clash")], None);
        var stale = await Store.UpdateAsync(Changed(NewUser("a"), account => account with { PersonId = "p" }), 7, null, null, [Entry(AuditActions.UserNameChanged, "id-a", "x")], None);
        var missing = await Store.DeleteAsync(Workspace, "id-missing", 1, [Entry(AuditActions.UserDeleted, "id-missing", "x")], None);
        var workspace = await Store.TryCreateAsync(NewWorkspace(), [Entry(AuditActions.WorkspaceCreated, null, "again")], None);
        var oldVersion = await Store.TryApplyAsync(new WorkspaceChange(Workspace, 9) { RemovedSignupDomains = ["x.example"] }, [Entry(AuditActions.SignupDomainRemoved, null, "x")], None);
        var usedToken = await Store.CreateAsync(NewUser("c"), null, "no-such-token", [Created("c")], None);

        Assert.That(new[] { seat, clash, stale, missing, usedToken }, Is.EqualTo(new[]
        {
            UserStoreResult.SeatLimitReached, UserStoreResult.UserNameTaken, UserStoreResult.Conflict, UserStoreResult.Conflict, UserStoreResult.TokenUsed,
        }));
        Assert.That(workspace, Is.False);
        Assert.That(oldVersion, Is.Null);
        Assert.That((await TrailAsync()).Select(entry => entry.Summary), Is.EqualTo(new[] { "Account id-a created." }));
    }

    /// <summary>Thirty writes racing for seven seats: exactly one entry per account created, none for the refused.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Audit_WritesRacingForASeatLimit_LeaveExactlyOneEntryPerSuccess()
    {
        await CreateWorkspaceAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            Store.CreateAsync(NewUser($"u{i}", UserType.External), 7, null, [Created($"u{i}")], None))));

        var created = Enumerable.Range(0, 30).Where(i => results[i] == UserStoreResult.Succeeded).Select(i => $"id-u{i}").Order().ToList();
        var trail = await TrailAsync();
        Assert.That(created, Has.Count.EqualTo(7));
        Assert.That(trail.Select(entry => entry.SubjectUserId).Order(), Is.EqualTo(created));
        Assert.That(trail.Select(entry => entry.Sequence), Is.Ordered.Ascending.And.Unique);
    }

    /// <summary>A pass writes one entry per account it re-types, none for the others.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Audit_Reclassify_WritesOneEntryPerRetypedAccount()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("retyped", UserType.External, UserTypeSource.Classified), null, null, [], None);
        await Store.CreateAsync(NewUser("kept", UserType.Internal, UserTypeSource.Classified), null, null, [], None);
        await Store.CreateAsync(NewUser("assigned", UserType.External), null, null, [], None);

        await Store.ReclassifyAsync(Workspace, 2, _ => UserType.Internal, ReclassifiedPass, None);

        var trail = await TrailAsync();
        Assert.That(trail, Has.Count.EqualTo(1));
        Assert.That(trail[0].Action, Is.EqualTo(AuditActions.UserTypeChanged));
        Assert.That(trail[0].SubjectUserId, Is.EqualTo("id-retyped"));
        Assert.That(trail[0].Summary, Does.Contain("external").And.Contain("internal"));
    }

    /// <summary>Only the reservation that locks an account writes the lockout entry.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Audit_TheReservationThatLocks_WritesTheOneLockoutEntry()
    {
        await CreateWorkspaceAsync();
        var lockedOut = Entry(AuditActions.UserLockedOut, "id-Lee", "Locked out.");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            Store.ReserveLoginAttemptAsync(Workspace, LeeKey, Policy(max: 3), Clock.GetUtcNow(), lockedOut, None))));
        await Store.ClearLoginAttemptsAsync(Workspace, LeeKey, Entry(AuditActions.UserUnlocked, "id-Lee", "Unlocked."), None);

        Assert.That(attempts.Count(attempt => attempt?.LockedUntil is not null), Is.EqualTo(1));
        Assert.That((await TrailAsync()).Select(entry => entry.Action), Is.EqualTo(new[] { AuditActions.UserLockedOut, AuditActions.UserUnlocked }));
    }

    /// <summary>
    /// The reservation that locks an account signals the account changed, once the lock can be read: an instance that
    /// remembered the account's password must forget it. Reservations that lock nothing, or lock a name no account has,
    /// signal nothing.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Lockout_TheReservationThatLocksAnAccount_SignalsIt_AndNoOtherDoes()
    {
        await CreateWorkspaceAsync();
        Assert.That(await Store.CreateAsync(NewUser("Lee"), null, null, [], None), Is.EqualTo(UserStoreResult.Succeeded));
        var heard = Listen(Changes);
        var lockedWhenHeard = new System.Collections.Concurrent.ConcurrentQueue<bool>();
        Changes.Changed += (_, change) =>
            lockedWhenHeard.Enqueue(Store.FindByIdAsync(Workspace, "id-Lee", None).GetAwaiter().GetResult()?.Account.LockoutEnd is not null);
        var lockedOut = Entry(AuditActions.UserLockedOut, "id-Lee", "Locked out.");

        for (var i = 0; i < 5; i++)
        {
            await Store.ReserveLoginAttemptAsync(Workspace, LeeKey, Policy(max: 3), Clock.GetUtcNow(), lockedOut, None);
            await Store.ReserveLoginAttemptAsync(Workspace, LoginAttemptKeys.ForUnknownUserName(Workspace, "NOBODY"), Policy(max: 3), Clock.GetUtcNow(), null, None);
        }

        Assert.That(heard, Is.EqualTo(new[] { (Workspace, (string?)"id-Lee") }), "one lock, one signal");
        Assert.That(lockedWhenHeard, Is.EqualTo(new[] { true }), "signalled after the lock was committed");
    }

    /// <summary>Token entries are written only with a token added or revoked.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Audit_TokenEntries_OnlyWithTheTokenAddedOrRevoked()
    {
        await CreateWorkspaceAsync();
        var created = Entry(AuditActions.InvitationCreated, null, "Invitation created.");

        var added = await Store.AddTokenAsync(NewToken("t1", 0), 3, maxPerHour: 1, created, None);
        var capped = await Store.AddTokenAsync(NewToken("t2", 1), 3, maxPerHour: 1, created, None);
        var revoked = await Store.RevokeTokenAsync(Workspace, "t1", Entry(AuditActions.InvitationRevoked, null, "Revoked."), None);
        var again = await Store.RevokeTokenAsync(Workspace, "t1", Entry(AuditActions.InvitationRevoked, null, "Revoked again."), None);

        Assert.That((added, capped, revoked, again), Is.EqualTo((true, false, true, false)));
        Assert.That((await TrailAsync()).Select(entry => entry.Summary), Is.EqualTo(new[] { "Invitation created.", "Revoked." }));
    }

    /// <summary>Pages continue after a sequence in either order; filters and workspaces keep entries apart.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Audit_Read_PagesFiltersAndKeepsWorkspacesApart()
    {
        await CreateWorkspaceAsync();
        await Store.TryCreateAsync(NewWorkspace("other"), [Entry(AuditActions.WorkspaceCreated, null, "Other.", "other")], None);
        for (var i = 0; i < 5; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            await Store.CreateAsync(NewUser($"u{i}"), null, null, [Created($"u{i}") with { At = Clock.GetUtcNow() }], None);
        }

        var all = await TrailAsync();
        var firstPage = await TrailAsync(limit: 2);
        var secondPage = await TrailAsync(after: firstPage[^1].Sequence, limit: 2);
        var newest = await TrailAsync(descending: true, limit: 2);
        var older = await TrailAsync(descending: true, after: newest[^1].Sequence, limit: 2);
        var bySubject = await Store.ReadAuditAsync(Workspace, new AuditFilter { SubjectUserId = "id-u3", Limit = 10 }, None);
        var byAction = await Store.ReadAuditAsync("other", new AuditFilter { Action = AuditActions.WorkspaceCreated, Limit = 10 }, None);
        var byTime = await Store.ReadAuditAsync(Workspace, new AuditFilter { From = Now.AddMinutes(2), To = Now.AddMinutes(4), Limit = 10 }, None);

        Assert.That(all.Select(entry => entry.SubjectUserId), Is.EqualTo(new[] { "id-u0", "id-u1", "id-u2", "id-u3", "id-u4" }));
        Assert.That(firstPage.Concat(secondPage).Select(entry => entry.SubjectUserId), Is.EqualTo(new[] { "id-u0", "id-u1", "id-u2", "id-u3" }));
        Assert.That(newest.Concat(older).Select(entry => entry.SubjectUserId), Is.EqualTo(new[] { "id-u4", "id-u3", "id-u2", "id-u1" }));
        Assert.That(bySubject.Select(entry => entry.SubjectUserId), Is.EqualTo(new[] { "id-u3" }));
        Assert.That(byAction.Select(entry => entry.Summary), Is.EqualTo(new[] { "Other." }));
        Assert.That(byTime.Select(entry => entry.SubjectUserId), Is.EqualTo(new[] { "id-u1", "id-u2" }), "From is inclusive, To exclusive");
    }

    /// <summary>A purge removes at most its limit of entries older than the cut-off, in any workspace, and nothing newer.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Audit_Purge_RemovesOnlyOlderEntries_AtMostTheLimit()
    {
        await CreateWorkspaceAsync();
        await Store.TryCreateAsync(NewWorkspace("other"), [Entry(AuditActions.WorkspaceCreated, null, "Other.", "other") with { At = Now.AddDays(-30) }], None);
        for (var i = 0; i < 4; i++)
        {
            await Store.CreateAsync(NewUser($"u{i}"), null, null, [Created($"u{i}") with { At = Now.AddDays(i < 3 ? -10 : 0) }], None);
        }

        var first = await Store.PurgeAuditAsync(Now.AddDays(-1), 3, None);
        var second = await Store.PurgeAuditAsync(Now.AddDays(-1), 3, None);

        Assert.That((first, second), Is.EqualTo((3, 1)));
        Assert.That((await TrailAsync()).Select(entry => entry.SubjectUserId), Is.EqualTo(new[] { "id-u3" }));
        Assert.That(await TrailAsync("other"), Is.Empty);
    }

    /// <summary>
    /// Lockouts racing unlocks and deletes never wait on each other for good (one lock order for every write), and each
    /// lock leaves exactly one entry.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Audit_LockoutsRacingUnlocks_LeaveOneEntryPerLock_AndNeverDeadlock()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Lee"), null, null, [], None);
        var lockedOut = Entry(AuditActions.UserLockedOut, "id-Lee", "Locked out.");
        var locks = 0;
        for (var round = 0; round < 10; round++)
        {
            var reservations = Enumerable.Range(0, 12).Select(_ => Task.Run(() => Store.ReserveLoginAttemptAsync(Workspace, LeeKey, Policy(max: 3), Clock.GetUtcNow(), lockedOut, None))).ToList();
            var unlocks = Enumerable.Range(0, 3).Select(_ => Task.Run(() => Store.ClearLoginAttemptsAsync(Workspace, LeeKey, Entry(AuditActions.UserUnlocked, "id-Lee", "Unlocked."), None)));

            await Task.WhenAll(unlocks).WaitAsync(TimeSpan.FromSeconds(30));
            locks += (await Task.WhenAll(reservations).WaitAsync(TimeSpan.FromSeconds(30))).Count(attempt => attempt?.LockedUntil is not null);
        }

        var entries = await Store.ReadAuditAsync(Workspace, new AuditFilter { Action = AuditActions.UserLockedOut, Limit = 1000 }, None);
        Assert.That(locks, Is.Positive);
        Assert.That(entries, Has.Count.EqualTo(locks));
    }
}
