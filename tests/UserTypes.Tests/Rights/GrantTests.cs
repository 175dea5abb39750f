using UserTypes.Tests.Stores;
namespace UserTypes.Tests.Rights;

[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class GrantTests(StoreKind store) : StoreFixture(store)
{
    private TestHost _host = null!;
    private string _workspace = null!;
    private AuthenticatedUser _admin = null!;
    private UserAccount _staff = null!;
    private UserAccount _partner = null!;
    private UserAccount _anonymous = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost(o => o.ExternalUsers.Enabled = true);
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io", license: new WorkspaceLicense { ExternalUsers = true });
        _admin = await _host.CreateAdministratorAsync(_workspace);
        _staff = await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);
        _partner = await _host.Users.CreateExternalUserAsync(_admin, "person-1", "partner", "partner@elsewhere.example", TestHost.Password);
        _anonymous = await _host.Users.SetAnonymousUserAsync(_workspace, "anonymous", TestHost.Password);
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    private static RightsGrant Data(string entity, DataRights rights) =>
        new() { DataRights = new Dictionary<string, DataRights> { [entity] = rights } };

    private static RightsGrant Functional(string right) => new() { FunctionalRights = new HashSet<string> { right } };

    [Test]
    public async Task Grant_AddsToTheAccountsGrant()
    {
        await _host.Users.GrantAsync(_admin, _staff.Id, Data("contact", DataRights.Delete));

        var account = await _host.Users.GrantAsync(_admin, _staff.Id, Data("CONTACT", DataRights.View) with { FunctionalRights = new HashSet<string> { "export" } });

        account.Rights.DataRights.Should().ContainSingle().Which.Value.Should().Be(DataRights.View | DataRights.Delete);
        account.Rights.FunctionalRights.Should().BeEquivalentTo("export");
        _host.ActorFor(account).Rights.Allows("contact", DataRights.Delete).Should().BeTrue();
    }

    [Test]
    public async Task Grant_AnonymousMoreDataRights_UpToViewCreateEdit()
    {
        var account = await _host.Users.GrantAsync(_admin, _anonymous.Id, Data("*", DataRights.Create | DataRights.Edit));

        _host.ActorFor(account).Rights.For("contact").Should().Be(DataRights.View | DataRights.Create | DataRights.Edit);
    }

    [TestCase("anonymous", "*", DataRights.Delete)]
    [TestCase("partner", "contact", DataRights.Delete)]
    public async Task Grant_DataRightAboveTheCeiling_ThrowsAndChangesNothing(string userName, string entity, DataRights rights)
    {
        var target = userName == "anonymous" ? _anonymous : _partner;

        var act = () => _host.Users.GrantAsync(_admin, target.Id, Data(entity, rights));

        await act.Should().ThrowAsync<RightsCeilingExceededException>();
        (await _host.StoredAsync(target)).Account.Should().Be(target);
    }

    [TestCase("partner", FunctionalRights.CreateExternalUsers)]
    [TestCase("partner", FunctionalRights.ManageRights)]
    [TestCase("partner", "MANAGE-RIGHTS")]
    [TestCase("anonymous", "export")]
    public async Task Grant_FunctionalRightAboveTheCeiling_IsRefused(string userName, string right)
    {
        var target = userName == "anonymous" ? _anonymous : _partner;

        var act = () => _host.Users.GrantAsync(_admin, target.Id, Functional(right));

        (await act.Should().ThrowAsync<RightsCeilingExceededException>()).Which.UserType.Should().Be(target.UserType);
    }

    [Test]
    public async Task Grant_ByAnActorWithoutManageRights_IsDenied()
    {
        var actor = _host.ActorFor(_staff);

        var act = () => _host.Users.GrantAsync(actor, _partner.Id, Data("contact", DataRights.Edit));

        (await act.Should().ThrowAsync<AccessDeniedException>()).Which.RequiredRight.Should().Be(FunctionalRights.ManageRights);
        (await _host.StoredAsync(_partner)).Account.Should().Be(_partner);
    }

    [Test]
    public async Task Grant_ByAnExternalActor_IsDenied_EvenIfTheSnapshotClaimsTheRight()
    {
        // A forged or stale snapshot: the directory checks the actor against the store.
        var forged = new AuthenticatedUser(_partner, new EffectiveRights(Functional(FunctionalRights.ManageRights)), isImplicitAnonymous: false);

        var act = () => _host.Users.GrantAsync(forged, _partner.Id, Data("contact", DataRights.Edit));

        await act.Should().ThrowAsync<AccessDeniedException>();
    }

    [Test]
    public async Task Grant_ByADisabledAdministrator_IsDenied()
    {
        await _host.CreateAdministratorAsync(_workspace, "second-admin");
        await _host.Users.SetEnabledAsync(_workspace, _admin.UserId, enabled: false);

        var act = () => _host.Users.GrantAsync(_admin, _staff.Id, Data("contact", DataRights.Delete));

        await act.Should().ThrowAsync<AccessDeniedException>();
    }

    [Test]
    public async Task Grant_ToAnAccountOfAnotherWorkspace_ThrowsAccountNotFound()
    {
        var other = await _host.CreateWorkspaceAsync("owner@softr.io");
        var stranger = await _host.Users.CreateInternalUserAsync(other, "stranger", "stranger@softr.io", TestHost.Password);

        var act = () => _host.Users.GrantAsync(_admin, stranger.Id, Data("contact", DataRights.Delete));

        await act.Should().ThrowAsync<AccountNotFoundException>();
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("tab\t")]
    public async Task Grant_InvalidEntityName_ThrowsNamingGrant(string entity)
    {
        var act = () => _host.Users.GrantAsync(_admin, _staff.Id, Data(entity, DataRights.View));

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("grant");
    }

    [Test]
    public async Task Grant_UndefinedDataRightBits_ThrowNamingGrant()
    {
        var act = () => _host.Users.GrantAsync(_admin, _staff.Id, Data("contact", (DataRights)32));

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("grant");
    }

    [Test]
    public async Task Revoke_TakesAwayGrantedRights_ButNotTheDefaults()
    {
        await _host.Users.GrantAsync(_admin, _staff.Id, Data("contact", DataRights.Delete) with { FunctionalRights = new HashSet<string> { "export" } });

        var account = await _host.Users.RevokeAsync(_admin, _staff.Id, Data("*", DataRights.Delete) with { FunctionalRights = new HashSet<string> { "EXPORT" } });

        account.Rights.IsEmpty.Should().BeTrue();
        _host.ActorFor(account).Rights.For("contact").Should().Be(DataRights.View | DataRights.Create | DataRights.Edit);
    }

    [Test]
    public async Task CreateInternalUser_TakesItsFirstGrant()
    {
        var account = await _host.Users.CreateInternalUserAsync(_workspace, "auditor", "auditor@softr.io", TestHost.Password, Data("ledger", DataRights.All));

        _host.ActorFor(account).Rights.Allows("ledger", DataRights.Delete).Should().BeTrue();
    }

    [Test]
    public async Task ConcurrentGrants_AreAllKept()
    {
        var grants = Enumerable.Range(0, 20).Select(i => Task.Run(() => _host.Users.GrantAsync(_admin, _staff.Id, Functional($"right-{i}"))));

        await Task.WhenAll(grants);

        (await _host.StoredAsync(_staff)).Account.Rights.FunctionalRights.Should().HaveCount(20);
    }
}
