namespace UserTypes.Specification.Tests;

public abstract partial class StoreSpecification
{
    /// <summary>A new workspace is stored whole, at version 1.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task TryCreate_NewId_StoresTheWorkspaceAtVersion1()
    {
        var created = await Store.TryCreateAsync(NewWorkspace(), [], None);

        var stored = await Store.FindAsync(Workspace, None);
        Assert.That(created, Is.True);
        Assert.That(stored, Is.EqualTo(NewWorkspace()));
        Assert.That(stored!.Version, Is.EqualTo(1));
    }

    /// <summary>A second workspace with the same id is refused and the first is kept.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task TryCreate_ExistingId_ReturnsFalseAndKeepsTheFirst()
    {
        await CreateWorkspaceAsync();

        var created = await Store.TryCreateAsync(NewWorkspace() with { Collaborators = [] }, [], None);

        Assert.That(created, Is.False);
        Assert.That((await Store.FindAsync(Workspace, None))!.Collaborators, Has.Count.EqualTo(1));
    }

    /// <summary>An unknown id reads as null.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Find_UnknownId_ReturnsNull() =>
        Assert.That(await Store.FindAsync("missing", None), Is.Null);

    /// <summary>Workspace ids compare ordinally: case matters.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Find_IdsAreCaseSensitive()
    {
        await Store.TryCreateAsync(NewWorkspace("Acme"), [], None);

        Assert.That(await Store.FindAsync("acme", None), Is.Null);
    }

    /// <summary>A change at the expected version applies every part at once and raises the version by one.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task TryApply_AtExpectedVersion_AppliesEveryPartAndRaisesTheVersion()
    {
        await CreateWorkspaceAsync();
        var license = new WorkspaceLicense { ExternalUsers = true, MaxExternalUsers = 3, ExpiresAt = Now.AddYears(1) };

        var updated = await Store.TryApplyAsync(
            new WorkspaceChange(Workspace, 1)
            {
                UpsertedCollaborators = [new Collaborator("joanne@xyz.com", CollaboratorRole.Collaborator)],
                UpsertedSignupDomains = [new SignupDomain("yzx.com", true)],
                License = license,
            },
            [],
            None);

        var expected = new WorkspaceRecord
        {
            Id = Workspace,
            Version = 2,
            Collaborators = [new Collaborator("owner@acme.example", CollaboratorRole.Owner), new Collaborator("joanne@xyz.com", CollaboratorRole.Collaborator)],
            SignupDomains = [new SignupDomain("yzx.com", true)],
            License = license,
        };
        Assert.That(updated, Is.EqualTo(expected));
        Assert.That(await Store.FindAsync(Workspace, None), Is.EqualTo(expected));
    }

    /// <summary>Removals are applied before upserts, so one change can replace a collaborator; absent ones are ignored.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task TryApply_RemovesBeforeUpserting()
    {
        await CreateWorkspaceAsync();

        var updated = await Store.TryApplyAsync(
            new WorkspaceChange(Workspace, 1)
            {
                RemovedCollaborators = ["owner@acme.example", "absent@acme.example"],
                UpsertedCollaborators = [new Collaborator("owner@acme.example", CollaboratorRole.Guest)],
            },
            [],
            None);

        Assert.That(updated!.Collaborators, Is.EqualTo(new[] { new Collaborator("owner@acme.example", CollaboratorRole.Guest) }));
    }

    /// <summary>An upsert replaces the entry with the same key.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task TryApply_UpsertReplacesByKey()
    {
        await Store.TryCreateAsync(NewWorkspace() with { SignupDomains = [new SignupDomain("yzx.com", false)] }, [], None);

        var updated = await Store.TryApplyAsync(new WorkspaceChange(Workspace, 1) { UpsertedSignupDomains = [new SignupDomain("yzx.com", true)] }, [], None);

        Assert.That(updated!.SignupDomains, Is.EqualTo(new[] { new SignupDomain("yzx.com", true) }));
    }

    /// <summary>A removed signup domain is gone; the others stay.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task TryApply_RemoveSignupDomain_RemovesIt()
    {
        await Store.TryCreateAsync(NewWorkspace() with { SignupDomains = [new SignupDomain("yzx.com", false), new SignupDomain("abc.com", true)] }, [], None);

        var updated = await Store.TryApplyAsync(new WorkspaceChange(Workspace, 1) { RemovedSignupDomains = ["yzx.com"] }, [], None);

        Assert.That(updated!.SignupDomains, Is.EqualTo(new[] { new SignupDomain("abc.com", true) }));
    }

    /// <summary>A change without a licence keeps the current one.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task TryApply_WithoutLicense_KeepsTheCurrentLicense()
    {
        var license = new WorkspaceLicense { AnonymousUsers = true, MaxInternalUsers = 0 };
        await Store.TryCreateAsync(NewWorkspace() with { License = license }, [], None);

        var updated = await Store.TryApplyAsync(new WorkspaceChange(Workspace, 1) { RemovedSignupDomains = ["none.example"] }, [], None);

        Assert.That(updated!.License, Is.EqualTo(license));
    }

    /// <summary>A change computed from an older version is refused whole.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task TryApply_AtStaleVersion_ReturnsNullAndChangesNothing()
    {
        await CreateWorkspaceAsync();
        await Store.TryApplyAsync(new WorkspaceChange(Workspace, 1) { License = new WorkspaceLicense { ExternalUsers = true } }, [], None);

        var stale = await Store.TryApplyAsync(new WorkspaceChange(Workspace, 1) { RemovedCollaborators = ["owner@acme.example"] }, [], None);

        var stored = await Store.FindAsync(Workspace, None);
        Assert.That(stale, Is.Null);
        Assert.That(stored!.Version, Is.EqualTo(2));
        Assert.That(stored.Collaborators, Has.Count.EqualTo(1));
    }

    /// <summary>A change to a workspace that does not exist is refused.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task TryApply_UnknownWorkspace_ReturnsNull() =>
        Assert.That(await Store.TryApplyAsync(new WorkspaceChange("missing", 1), [], None), Is.Null);

    /// <summary>Of many writers racing from one version, exactly one lands.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task TryApply_ConcurrentWritersAtOneVersion_ExactlyOneWins()
    {
        await CreateWorkspaceAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => Store.TryApplyAsync(
            new WorkspaceChange(Workspace, 1) { UpsertedCollaborators = [new Collaborator($"c{i}@x.example", CollaboratorRole.Collaborator)] },
            [],
            None))));

        var stored = await Store.FindAsync(Workspace, None);
        Assert.That(results.Count(r => r is not null), Is.EqualTo(1));
        Assert.That(stored!.Version, Is.EqualTo(2));
        Assert.That(stored.Collaborators, Has.Count.EqualTo(2));
    }

    /// <summary>A call with a cancelled token is cancelled.</summary>
    [Test]
    public void Calls_WithCanceledToken_AreCanceled()
    {
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();

        Assert.That(() => Store.TryCreateAsync(NewWorkspace(), [], canceled.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(() => Store.FindAsync(Workspace, canceled.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(() => Store.TryApplyAsync(new WorkspaceChange(Workspace, 1), [], canceled.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(() => Store.FindByIdAsync(Workspace, "id", canceled.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(() => Store.CreateAsync(NewUser("Lee"), null, null, [], canceled.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
