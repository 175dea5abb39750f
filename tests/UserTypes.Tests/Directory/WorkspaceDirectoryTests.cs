using UserTypes.Tests.Stores;
namespace UserTypes.Tests.Directory;

[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class WorkspaceDirectoryTests(StoreKind store) : StoreFixture(store)
{
    private TestHost _host = null!;

    [SetUp]
    public void SetUp() => _host = NewHost();

    [TearDown]
    public void TearDown() => _host?.Dispose();

    private async Task<WorkspaceRecord> StoredAsync(string workspaceId) =>
        (await _host.WorkspaceStore.FindAsync(workspaceId, CancellationToken.None))!;

    [Test]
    public async Task Create_StoresTheOwnerInCanonicalForm()
    {
        await _host.Workspaces.CreateAsync("acme", "Mary@BÜCHER.de");

        var stored = await StoredAsync("acme");
        stored.Collaborators.Should().Equal(new Collaborator("mary@xn--bcher-kva.de", CollaboratorRole.Owner));
        stored.Version.Should().Be(1);
        stored.License.Should().Be(WorkspaceLicense.None);
    }

    [Test]
    public async Task Create_ExistingId_ThrowsAndKeepsTheFirstWorkspace()
    {
        await _host.Workspaces.CreateAsync("acme", "first@acme.example");

        var act = () => _host.Workspaces.CreateAsync("acme", "second@other.example");

        (await act.Should().ThrowAsync<ArgumentException>().WithMessage("*already exists*")).Which.ParamName.Should().Be("workspaceId");
        (await StoredAsync("acme")).Collaborators.Should().ContainSingle().Which.Email.Should().Be("first@acme.example");
    }

    [TestCase(null, "workspaceId")]
    [TestCase("", "workspaceId")]
    [TestCase(" ", "workspaceId")]
    [TestCase("tab\there", "workspaceId")]
    public async Task Create_MalformedWorkspaceId_ThrowsNamingIt(string? workspaceId, string paramName)
    {
        var act = () => _host.Workspaces.CreateAsync(workspaceId!, "owner@acme.example");

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be(paramName);
    }

    [Test]
    public async Task Create_WorkspaceIdOf129Characters_IsRefused()
    {
        var act = () => _host.Workspaces.CreateAsync(new string('w', 129), "owner@acme.example");

        (await act.Should().ThrowAsync<ArgumentException>().WithMessage("*at most 128*")).Which.ParamName.Should().Be("workspaceId");
    }

    [Test]
    public async Task Create_MalformedOwnerEmail_ThrowsAndCreatesNothing()
    {
        var act = () => _host.Workspaces.CreateAsync("acme", "not an address");

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("ownerEmail");
        (await _host.WorkspaceStore.FindAsync("acme", CancellationToken.None)).Should().BeNull();
    }

    [Test]
    public async Task AddCollaborator_SameAddressInAnotherCase_ReplacesTheRole()
    {
        var id = await _host.CreateWorkspaceAsync("owner@acme.example");
        await _host.Workspaces.AddCollaboratorAsync(id, "joanne@xyz.com", CollaboratorRole.Collaborator);

        await _host.Workspaces.AddCollaboratorAsync(id, "JOANNE@XYZ.COM", CollaboratorRole.Guest);

        (await StoredAsync(id)).Collaborators.Should().BeEquivalentTo(
            [new Collaborator("owner@acme.example", CollaboratorRole.Owner), new Collaborator("joanne@xyz.com", CollaboratorRole.Guest)]);
    }

    [Test]
    public async Task AddCollaborator_UndefinedRole_ThrowsAndChangesNothing()
    {
        var id = await _host.CreateWorkspaceAsync();
        var before = await StoredAsync(id);

        var act = () => _host.Workspaces.AddCollaboratorAsync(id, "a@b.example", (CollaboratorRole)42);

        (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.ParamName.Should().Be("role");
        (await StoredAsync(id)).Should().Be(before);
    }

    [Test]
    public async Task AddCollaborator_UnknownWorkspace_ThrowsWorkspaceNotFound()
    {
        var act = () => _host.Workspaces.AddCollaboratorAsync("missing", "a@b.example", CollaboratorRole.Collaborator);

        await act.Should().ThrowAsync<WorkspaceNotFoundException>();
    }

    [Test]
    public async Task AddCollaborator_DemotingTheLastOwner_IsRefused()
    {
        var id = await _host.CreateWorkspaceAsync("owner@acme.example");

        var act = () => _host.Workspaces.AddCollaboratorAsync(id, "owner@acme.example", CollaboratorRole.Collaborator);

        (await act.Should().ThrowAsync<LastOwnerException>().WithMessage("*last owner*")).Which.WorkspaceId.Should().Be(id);
        (await StoredAsync(id)).Collaborators.Should().ContainSingle().Which.Role.Should().Be(CollaboratorRole.Owner);
    }

    [Test]
    public async Task RemoveCollaborator_LastOwner_IsRefused()
    {
        var id = await _host.CreateWorkspaceAsync("owner@acme.example");

        var act = () => _host.Workspaces.RemoveCollaboratorAsync(id, "owner@acme.example");

        (await act.Should().ThrowAsync<LastOwnerException>().WithMessage("*last owner*")).Which.WorkspaceId.Should().Be(id);
    }

    [Test]
    public async Task RemoveCollaborator_OneOfTwoOwners_IsAllowed()
    {
        var id = await _host.CreateWorkspaceAsync("owner@acme.example");
        await _host.Workspaces.AddCollaboratorAsync(id, "second@acme.example", CollaboratorRole.Owner);

        await _host.Workspaces.RemoveCollaboratorAsync(id, "owner@acme.example");

        (await StoredAsync(id)).Collaborators.Should().Equal(new Collaborator("second@acme.example", CollaboratorRole.Owner));
    }

    [Test]
    public async Task RemoveCollaborator_NotACollaborator_ChangesNothing()
    {
        var id = await _host.CreateWorkspaceAsync();
        var before = await StoredAsync(id);

        await _host.Workspaces.RemoveCollaboratorAsync(id, "stranger@nowhere.example");

        (await StoredAsync(id)).Should().Be(before);
    }

    [TestCase("gmail.com")]
    [TestCase("GMAIL.com")]
    [TestCase("outlook.com")]
    public async Task AddSignupDomain_PublicMailProvider_IsRefused(string domain)
    {
        var id = await _host.CreateWorkspaceAsync();

        var act = () => _host.Workspaces.AddSignupDomainAsync(id, domain, includeSubdomains: true);

        (await act.Should().ThrowAsync<ArgumentException>().WithMessage("*public e-mail provider*")).Which.ParamName.Should().Be("domain");
        (await StoredAsync(id)).SignupDomains.Should().BeEmpty();
    }

    [TestCase("")]
    [TestCase("yzx")]
    [TestCase("yzx.com.")]
    [TestCase("*.yzx.com")]
    [TestCase("@yzx.com")]
    [TestCase("yzx\u200B.com")]
    public async Task AddSignupDomain_MalformedDomain_ThrowsNamingIt(string domain)
    {
        var id = await _host.CreateWorkspaceAsync();

        var act = () => _host.Workspaces.AddSignupDomainAsync(id, domain);

        (await act.Should().ThrowAsync<ArgumentException>().WithMessage("'domain' is not a valid domain: *")).Which.ParamName.Should().Be("domain");
    }

    [Test]
    public async Task AddSignupDomain_Again_ReplacesTheSubdomainSetting()
    {
        var id = await _host.CreateWorkspaceAsync();
        await _host.Workspaces.AddSignupDomainAsync(id, "yzx.com", includeSubdomains: true);

        await _host.Workspaces.AddSignupDomainAsync(id, "YZX.com", includeSubdomains: false);

        (await StoredAsync(id)).SignupDomains.Should().Equal(new SignupDomain("yzx.com", false));
    }

    [Test]
    public async Task SetLicense_StoresIt()
    {
        var id = await _host.CreateWorkspaceAsync();
        var license = new WorkspaceLicense { ExternalUsers = true, MaxExternalUsers = 5, ExpiresAt = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        await _host.Workspaces.SetLicenseAsync(id, license);

        (await StoredAsync(id)).License.Should().Be(license);
    }

    [Test]
    public async Task SetLicense_NegativeSeatLimit_ThrowsAndChangesNothing()
    {
        var id = await _host.CreateWorkspaceAsync();

        var act = () => _host.Workspaces.SetLicenseAsync(id, new WorkspaceLicense { MaxInternalUsers = -1 });

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("license");
        (await StoredAsync(id)).License.Should().Be(WorkspaceLicense.None);
    }

    [Test]
    public async Task SetLicense_Null_ThrowsArgumentNull()
    {
        var id = await _host.CreateWorkspaceAsync();

        var act = () => _host.Workspaces.SetLicenseAsync(id, null!);

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("license");
    }

    [Test]
    public async Task ConcurrentChanges_AreAllApplied()
    {
        var id = await _host.CreateWorkspaceAsync();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() =>
            i % 2 == 0
                ? _host.Workspaces.AddCollaboratorAsync(id, $"c{i}@d{i}.example", CollaboratorRole.Collaborator)
                : _host.Workspaces.AddSignupDomainAsync(id, $"s{i}.example"))));

        var stored = await StoredAsync(id);
        stored.Collaborators.Should().HaveCount(51);
        stored.SignupDomains.Should().HaveCount(50);
        stored.Version.Should().Be(101);
    }
}
