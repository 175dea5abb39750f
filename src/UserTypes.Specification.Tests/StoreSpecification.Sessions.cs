namespace UserTypes.Specification.Tests;

public abstract partial class StoreSpecification
{
    private protected static StoredSession NewSession(string userId, string id, int minutes, int lifetimeMinutes = 60) =>
        new(Workspace, userId, id, Now.AddMinutes(minutes), Now.AddMinutes(minutes + lifetimeMinutes));

    /// <summary>Sessions are found per account, newest first; another account's are not.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task AddSession_IsFoundForItsAccount_NewestFirst()
    {
        await CreateWorkspaceAsync();

        await Store.AddSessionAsync(NewSession("id-Lee", "s1", 0), maxPerAccount: 5, None);
        await Store.AddSessionAsync(NewSession("id-Lee", "s2", 1), maxPerAccount: 5, None);
        await Store.AddSessionAsync(NewSession("id-Kim", "k1", 2), maxPerAccount: 5, None);

        Assert.That(await Store.FindSessionsAsync(Workspace, "id-Lee", None), Is.EqualTo(new[] { NewSession("id-Lee", "s2", 1), NewSession("id-Lee", "s1", 0) }));
        Assert.That((await Store.FindSessionsAsync(Workspace, "id-Kim", None)).Select(session => session.Id), Is.EqualTo(new[] { "k1" }));
        Assert.That(await Store.FindSessionsAsync(Workspace, "id-nobody", None), Is.Empty);
    }

    /// <summary>Past the bound the oldest sessions go, and expired ones are purged, so an account's records stay bounded.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task AddSession_KeepsTheNewest_AndPurgesTheExpired()
    {
        await CreateWorkspaceAsync();
        await Store.AddSessionAsync(NewSession("id-Lee", "short", 0, lifetimeMinutes: 5), 3, None);
        for (var i = 1; i <= 4; i++)
        {
            await Store.AddSessionAsync(NewSession("id-Lee", $"s{i}", 10 * i), maxPerAccount: 3, None);
        }

        Assert.That((await Store.FindSessionsAsync(Workspace, "id-Lee", None)).Select(session => session.Id), Is.EqualTo(new[] { "s4", "s3", "s2" }));
    }

    /// <summary>
    /// Adding a session signals its account (it may end the oldest); removing one removes only it and signals its
    /// account once, and a second removal finds nothing and signals nothing.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task RemoveSession_RemovesOnlyIt_AndSignalsItsAccount()
    {
        await CreateWorkspaceAsync();
        var added = Listen(Changes);
        await Store.AddSessionAsync(NewSession("id-Lee", "s1", 0), 5, None);
        await Store.AddSessionAsync(NewSession("id-Lee", "s2", 1), 5, None);
        Assert.That(added, Is.EqualTo(new[] { (Workspace, (string?)"id-Lee"), (Workspace, (string?)"id-Lee") }));
        var heard = Listen(Changes);

        var removed = await Store.RemoveSessionAsync(Workspace, "id-Lee", "s1", None);
        var again = await Store.RemoveSessionAsync(Workspace, "id-Lee", "s1", None);
        var otherAccount = await Store.RemoveSessionAsync(Workspace, "id-Kim", "s2", None);

        Assert.That((removed, again, otherAccount), Is.EqualTo((true, false, false)));
        Assert.That((await Store.FindSessionsAsync(Workspace, "id-Lee", None)).Select(session => session.Id), Is.EqualTo(new[] { "s2" }));
        Assert.That(heard, Is.EqualTo(new[] { (Workspace, (string?)"id-Lee") }));
    }

    /// <summary>Deleting an account deletes its sessions with it.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task DeletingAnAccount_DeletesItsSessions()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("Lee"), null, null, [], None);
        await Store.AddSessionAsync(NewSession("id-Lee", "s1", 0), 5, None);

        Assert.That(await Store.DeleteAsync(Workspace, "id-Lee", 1, [], None), Is.EqualTo(UserStoreResult.Succeeded));

        Assert.That(await Store.FindSessionsAsync(Workspace, "id-Lee", None), Is.Empty);
    }
}
