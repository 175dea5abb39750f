using System.Collections.Concurrent;

namespace UserTypes.Specification.Tests;

public abstract partial class StoreSpecification
{
    /// <summary>Workspace writes raise the signal for the workspace once they are committed; a refused one raises nothing.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task WorkspaceWrites_RaiseTheChangeSignal_OnlyWhenTheyLand()
    {
        var heard = Listen(Changes);

        await Store.TryCreateAsync(NewWorkspace(), [], None);
        var afterCreate = heard.ToArray();
        await Store.TryApplyAsync(new WorkspaceChange(Workspace, 1) { License = new WorkspaceLicense { ExternalUsers = true } }, [], None);
        var afterApply = heard.ToArray();
        await Store.TryApplyAsync(new WorkspaceChange(Workspace, 1) { License = WorkspaceLicense.None }, [], None);
        await Store.TryCreateAsync(NewWorkspace(), [], None);

        Assert.That(afterCreate, Is.EqualTo(new[] { (Workspace, (string?)null) }));
        Assert.That(afterApply, Is.EqualTo(new[] { (Workspace, (string?)null), (Workspace, (string?)null) }));
        Assert.That(heard, Has.Count.EqualTo(2), "a stale change and an existing id wrote nothing");
    }

    /// <summary>Account writes raise the signal for that account; a refused write raises nothing.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task AccountWrites_RaiseTheChangeSignalForTheAccount_OnlyWhenTheyLand()
    {
        await CreateWorkspaceAsync();
        var heard = Listen(Changes);
        var lee = NewUser("Lee");

        await Store.CreateAsync(lee, null, null, [], None);
        await Store.UpdateAsync(Changed(lee, account => account with { Enabled = false }), 1, null, null, [], None);
        await Store.CreateAsync(NewUser("Kim"), 0, null, [], None);
        await Store.UpdateAsync(Changed(lee, account => account with { Enabled = false }), 1, null, null, [], None);

        Assert.That(heard, Is.EqualTo(new[] { (Workspace, (string?)"id-Lee"), (Workspace, (string?)"id-Lee") }), "a refused seat and a stale version wrote nothing");
    }

    /// <summary>Setting the anonymous account, and a reclassification that changed a type, raise the signal for the whole workspace.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task WritesOfManyAccounts_RaiseTheChangeSignalForTheWorkspace()
    {
        await CreateWorkspaceAsync();
        await Store.CreateAsync(NewUser("signed", UserType.External, UserTypeSource.Classified), null, null, [], None);
        var heard = Listen(Changes);

        await Store.SetAnonymousAsync(NewUser("anon", UserType.Anonymous), [], None);
        await Store.ReclassifyAsync(Workspace, 2, _ => UserType.Internal, ReclassifiedPass, None);

        Assert.That(heard, Is.EqualTo(new[] { (Workspace, (string?)null), (Workspace, (string?)null) }));
    }

    /// <summary>The signal is raised once the change can be read: a cache refilled by the handler is never stale.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task TheChangeSignal_IsRaisedOnceTheChangeCanBeRead()
    {
        await CreateWorkspaceAsync();
        var lee = NewUser("Lee");
        await Store.CreateAsync(lee, null, null, [], None);
        var seen = new ConcurrentQueue<long?>();
        Changes.Changed += (_, change) =>
        {
            if (change.UserId == "id-Lee")
            {
                // Handlers run synchronously, as a cache's would; reading here is what a cache refilling itself does.
                seen.Enqueue(Store.FindByIdAsync(Workspace, "id-Lee", None).GetAwaiter().GetResult()?.Account.Version);
            }
        };

        await Store.UpdateAsync(Changed(lee, account => account with { PersonId = "p-2" }), 1, null, null, [], None);

        Assert.That(seen, Is.EqualTo(new long?[] { 2 }));
    }

    // Records what the signal says, in order, as (workspace, account) pairs.
    private static ConcurrentQueue<(string? WorkspaceId, string? UserId)> Listen(StoreChangeSignal signal)
    {
        var heard = new ConcurrentQueue<(string?, string?)>();
        signal.Changed += (_, change) => heard.Enqueue((change.WorkspaceId, change.UserId));
        return heard;
    }
}
