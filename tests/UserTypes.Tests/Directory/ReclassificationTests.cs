using UserTypes.Tests.Stores;
namespace UserTypes.Tests.Directory;

[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class ReclassificationTests(StoreKind store) : StoreFixture(store)
{
    private TestHost _host = null!;
    private string _workspace = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost(o => o.ExternalUsers.Enabled = true);
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io", license: new WorkspaceLicense { ExternalUsers = true });
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    private async Task<UserType> TypeOfAsync(string userName) =>
        (await _host.Users.FindByUserNameAsync(_workspace, userName))!.UserType;

    [Test]
    public async Task AddCollaborator_MakesSignedUpAccountsOfItsDomainInternal_AsPartOfTheChange()
    {
        await _host.SignUpAsync(_workspace, "james@xyz.com", TestHost.Password);

        await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);

        (await TypeOfAsync("james@xyz.com")).Should().Be(UserType.Internal);
    }

    [Test]
    public async Task RemoveCollaborator_MakesThemExternalAgain_WithoutDisablingThem()
    {
        await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);
        await _host.SignUpAsync(_workspace, "james@xyz.com", TestHost.Password);

        await _host.Workspaces.RemoveCollaboratorAsync(_workspace, "joanne@xyz.com");

        var james = await _host.Users.FindByUserNameAsync(_workspace, "james@xyz.com");
        james!.UserType.Should().Be(UserType.External);
        james.Enabled.Should().BeTrue();
    }

    [Test]
    public async Task AddGuestCollaborator_ChangesNoAccount()
    {
        await _host.SignUpAsync(_workspace, "james@xyz.com", TestHost.Password);

        await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Guest);

        (await TypeOfAsync("james@xyz.com")).Should().Be(UserType.External);
    }

    [Test]
    public async Task SignupDomainWithSubdomains_ReclassifiesSubdomainAccounts_AndRemovingItRevertsThem()
    {
        await _host.SignUpAsync(_workspace, "emp@hr.yzx.com", TestHost.Password);
        await _host.SignUpAsync(_workspace, "attacker@notyzx.com", TestHost.Password);

        await _host.Workspaces.AddSignupDomainAsync(_workspace, "yzx.com", includeSubdomains: true);
        var during = (await TypeOfAsync("emp@hr.yzx.com"), await TypeOfAsync("attacker@notyzx.com"));
        await _host.Workspaces.RemoveSignupDomainAsync(_workspace, "yzx.com");

        during.Should().Be((UserType.Internal, UserType.External));
        (await TypeOfAsync("emp@hr.yzx.com")).Should().Be(UserType.External);
    }

    [Test]
    public async Task AssignedAccounts_AreNeverReclassified()
    {
        var admin = await _host.CreateAdministratorAsync(_workspace);
        await _host.Users.CreateExternalUserAsync(admin, "person-1", "partner", "partner@xyz.com", TestHost.Password);
        await _host.Users.CreateInternalUserAsync(_workspace, "contractor", "contractor@elsewhere.example", TestHost.Password);

        await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);
        var report = await _host.Users.ReclassifyAsync(_workspace);

        (await TypeOfAsync("partner")).Should().Be(UserType.External);
        (await TypeOfAsync("contractor")).Should().Be(UserType.Internal);
        report.Examined.Should().Be(0);
    }

    [Test]
    public async Task Reclassify_ReportsWhatChangedAndTheSeatsInUse()
    {
        await _host.SignUpAsync(_workspace, "a@xyz.com", TestHost.Password);
        await _host.SignUpAsync(_workspace, "b@xyz.com", TestHost.Password);
        await _host.SignUpAsync(_workspace, "c@elsewhere.example", TestHost.Password);
        await _host.SignUpAsync(_workspace, "d@softr.io", TestHost.Password);

        // Put the accounts out of line behind the directory's back, as a crash between the two writes would.
        var store = _host.WorkspaceStore;
        var current = (await store.FindAsync(_workspace, CancellationToken.None))!;
        await store.TryApplyAsync(
            new WorkspaceChange(_workspace, current.Version) { UpsertedCollaborators = [new Collaborator("joanne@xyz.com", CollaboratorRole.Collaborator)] },
            [],
            CancellationToken.None);

        var report = await _host.Users.ReclassifyAsync(_workspace);

        report.Should().BeEquivalentTo(new ReclassificationReport
        {
            Examined = 4,
            BecameInternal = 2,
            BecameExternal = 0,
            InternalUsers = 3,
            ExternalUsers = 1,
        });
        (await _host.Users.ReclassifyAsync(_workspace)).BecameInternal.Should().Be(0, "a second pass has nothing left to do");
    }

    [Test]
    public async Task Reclassify_PastTheLimit_IsReportedAndBlocksNewSeatsOfThatType()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { ExternalUsers = true, MaxInternalUsers = 2 });
        await _host.SignUpAsync(_workspace, "a@xyz.com", TestHost.Password);
        await _host.SignUpAsync(_workspace, "b@xyz.com", TestHost.Password);
        await _host.SignUpAsync(_workspace, "c@softr.io", TestHost.Password);

        await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);
        var report = await _host.Users.ReclassifyAsync(_workspace);
        var act = () => _host.SignUpAsync(_workspace, "d@softr.io", TestHost.Password);

        report.InternalUsers.Should().Be(3);
        report.OverInternalLimit.Should().BeTrue();
        report.OverExternalLimit.Should().BeFalse();
        (await act.Should().ThrowAsync<SeatLimitExceededException>()).Which.Limit.Should().Be(2);
        (await _host.Users.FindByUserNameAsync(_workspace, "a@xyz.com"))!.Enabled.Should().BeTrue("reclassification never disables");
    }

    [Test]
    public async Task ChangesAndSignUpsRacing_LeaveNoAccountWithAStaleType()
    {
        var signUps = Enumerable.Range(0, 40).Select(i => Task.Run(() => _host.SignUpAsync(_workspace, $"user{i}@xyz.com", TestHost.Password)));
        var changes = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);
                await _host.Workspaces.RemoveCollaboratorAsync(_workspace, "joanne@xyz.com");
            }

            await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);
        });

        await Task.WhenAll([.. signUps, changes]);

        for (var i = 0; i < 40; i++)
        {
            (await TypeOfAsync($"user{i}@xyz.com")).Should().Be(UserType.Internal, $"user{i} signed up while the workspace changed");
        }
    }

    [Test]
    public async Task Reclassify_UnknownWorkspace_ThrowsWorkspaceNotFound()
    {
        var act = () => _host.Users.ReclassifyAsync("no-such-workspace");

        await act.Should().ThrowAsync<WorkspaceNotFoundException>();
    }

    [Test]
    public async Task AddingACollaboratorAgain_AfterItsPassWasLost_BringsTheAccountsInLine()
    {
        var workspace = await _host.CreateWorkspaceAsync(license: new WorkspaceLicense { ExternalUsers = true });
        var james = await _host.SignUpAsync(workspace, "james@xyz.com");

        // The collaborator is stored, but its pass never ran (the process died, the database went away).
        var current = (await _host.WorkspaceStore.FindAsync(workspace, CancellationToken.None))!;
        await _host.WorkspaceStore.TryApplyAsync(
            new WorkspaceChange(workspace, current.Version) { UpsertedCollaborators = [new Collaborator("joanne@xyz.com", CollaboratorRole.Collaborator)] }, [], CancellationToken.None);
        var stale = (await _host.Users.FindByIdAsync(workspace, james.Id))!.UserType;

        await _host.Workspaces.AddCollaboratorAsync(workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);

        stale.Should().Be(UserType.External);
        (await _host.Users.FindByIdAsync(workspace, james.Id))!.UserType.Should().Be(UserType.Internal, "the caller's retry runs the pass, though there was nothing to write");
    }
}
