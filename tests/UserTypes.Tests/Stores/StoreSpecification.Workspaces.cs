namespace UserTypes.Tests.Stores;

public abstract partial class StoreSpecification
{

    private static WorkspaceRecord NewWorkspace(string id = "ws") => new()
    {
        Id = id,
        Collaborators = [new Collaborator("owner@acme.example", CollaboratorRole.Owner)],
    };

    [Test]
    public async Task TryCreate_NewId_StoresTheWorkspaceAtVersion1()
    {
        (await Store.TryCreateAsync(NewWorkspace(), None)).Should().BeTrue();

        var stored = await Store.FindAsync("ws", None);
        stored.Should().BeEquivalentTo(NewWorkspace());
        stored!.Version.Should().Be(1);
    }

    [Test]
    public async Task TryCreate_ExistingId_ReturnsFalseAndKeepsTheFirst()
    {
        await Store.TryCreateAsync(NewWorkspace(), None);

        var created = await Store.TryCreateAsync(NewWorkspace() with { Collaborators = [] }, None);

        created.Should().BeFalse();
        (await Store.FindAsync("ws", None))!.Collaborators.Should().HaveCount(1);
    }

    [Test]
    public async Task Find_UnknownId_ReturnsNull()
    {
        (await Store.FindAsync("missing", None)).Should().BeNull();
    }

    [Test]
    public async Task Find_IdsAreCaseSensitive()
    {
        await Store.TryCreateAsync(NewWorkspace("Acme"), None);

        (await Store.FindAsync("acme", None)).Should().BeNull();
    }

    [Test]
    public async Task TryApply_AtExpectedVersion_AppliesEveryPartAndRaisesTheVersion()
    {
        await Store.TryCreateAsync(NewWorkspace(), None);
        var license = new WorkspaceLicense { ExternalUsers = true, MaxExternalUsers = 3 };

        var updated = await Store.TryApplyAsync(
            new WorkspaceChange("ws", 1)
            {
                UpsertedCollaborators = [new Collaborator("joanne@xyz.com", CollaboratorRole.Collaborator)],
                UpsertedSignupDomains = [new SignupDomain("yzx.com", true)],
                License = license,
            },
            None);

        var expected = new WorkspaceRecord
        {
            Id = "ws",
            Version = 2,
            Collaborators = [new Collaborator("owner@acme.example", CollaboratorRole.Owner), new Collaborator("joanne@xyz.com", CollaboratorRole.Collaborator)],
            SignupDomains = [new SignupDomain("yzx.com", true)],
            License = license,
        };
        updated.Should().BeEquivalentTo(expected);
        (await Store.FindAsync("ws", None)).Should().BeEquivalentTo(expected);
    }

    [Test]
    public async Task TryApply_RemovesBeforeUpserting()
    {
        await Store.TryCreateAsync(NewWorkspace(), None);

        var updated = await Store.TryApplyAsync(
            new WorkspaceChange("ws", 1)
            {
                RemovedCollaborators = ["owner@acme.example", "absent@acme.example"],
                UpsertedCollaborators = [new Collaborator("owner@acme.example", CollaboratorRole.Guest)],
            },
            None);

        updated!.Collaborators.Should().Equal(new Collaborator("owner@acme.example", CollaboratorRole.Guest));
    }

    [Test]
    public async Task TryApply_UpsertReplacesByKey()
    {
        await Store.TryCreateAsync(NewWorkspace() with { SignupDomains = [new SignupDomain("yzx.com", false)] }, None);

        var updated = await Store.TryApplyAsync(new WorkspaceChange("ws", 1) { UpsertedSignupDomains = [new SignupDomain("yzx.com", true)] }, None);

        updated!.SignupDomains.Should().Equal(new SignupDomain("yzx.com", true));
    }

    [Test]
    public async Task TryApply_RemoveSignupDomain_RemovesIt()
    {
        await Store.TryCreateAsync(NewWorkspace() with { SignupDomains = [new SignupDomain("yzx.com", false), new SignupDomain("abc.com", true)] }, None);

        var updated = await Store.TryApplyAsync(new WorkspaceChange("ws", 1) { RemovedSignupDomains = ["yzx.com"] }, None);

        updated!.SignupDomains.Should().Equal(new SignupDomain("abc.com", true));
    }

    [Test]
    public async Task TryApply_WithoutLicense_KeepsTheCurrentLicense()
    {
        var license = new WorkspaceLicense { AnonymousUsers = true };
        await Store.TryCreateAsync(NewWorkspace() with { License = license }, None);

        var updated = await Store.TryApplyAsync(new WorkspaceChange("ws", 1) { RemovedSignupDomains = ["none.example"] }, None);

        updated!.License.Should().Be(license);
    }

    [Test]
    public async Task TryApply_AtStaleVersion_ReturnsNullAndChangesNothing()
    {
        await Store.TryCreateAsync(NewWorkspace(), None);
        await Store.TryApplyAsync(new WorkspaceChange("ws", 1) { License = new WorkspaceLicense { ExternalUsers = true } }, None);

        var stale = await Store.TryApplyAsync(new WorkspaceChange("ws", 1) { RemovedCollaborators = ["owner@acme.example"] }, None);

        stale.Should().BeNull();
        var stored = await Store.FindAsync("ws", None);
        stored!.Version.Should().Be(2);
        stored.Collaborators.Should().HaveCount(1);
    }

    [Test]
    public async Task TryApply_UnknownWorkspace_ReturnsNull()
    {
        (await Store.TryApplyAsync(new WorkspaceChange("missing", 1), None)).Should().BeNull();
    }

    [Test]
    public async Task TryApply_ConcurrentWritersAtOneVersion_ExactlyOneWins()
    {
        await Store.TryCreateAsync(NewWorkspace(), None);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => Store.TryApplyAsync(
            new WorkspaceChange("ws", 1) { UpsertedCollaborators = [new Collaborator($"c{i}@x.example", CollaboratorRole.Collaborator)] },
            None))));

        results.Count(r => r is not null).Should().Be(1);
        var stored = await Store.FindAsync("ws", None);
        stored!.Version.Should().Be(2);
        stored.Collaborators.Should().HaveCount(2);
    }

    [Test]
    public async Task Calls_WithCanceledToken_AreCanceled()
    {
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await FluentActions.Awaiting(() => Store.TryCreateAsync(NewWorkspace(), canceled.Token)).Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(() => Store.FindAsync("ws", canceled.Token)).Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(() => Store.TryApplyAsync(new WorkspaceChange("ws", 1), canceled.Token)).Should().ThrowAsync<OperationCanceledException>();
    }
}
