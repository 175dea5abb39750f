using UserTypes.Tests.Stores;
namespace UserTypes.Tests.Directory;

[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class AssignedAccountTests(StoreKind store) : StoreFixture(store)
{
    private static readonly WorkspaceLicense ExternalLicense = new() { ExternalUsers = true };

    private TestHost _host = null!;
    private string _workspace = null!;
    private AuthenticatedUser _admin = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost(o => o.ExternalUsers.Enabled = true);
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io", license: ExternalLicense);
        _admin = await _host.CreateAdministratorAsync(_workspace);
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    [Test]
    public async Task CreateExternalUser_LinksTheContactPersonAndFixesTheType()
    {
        var account = await _host.Users.CreateExternalUserAsync(_admin, "person-42", "Partner.Lee", "lee@softr.io", TestHost.Password);

        account.Should().BeEquivalentTo(new
        {
            PersonId = "person-42",
            UserName = "Partner.Lee",
            Email = "lee@softr.io",
            UserType = UserType.External,
            UserTypeSource = UserTypeSource.Assigned,
        });
    }

    [Test]
    public async Task CreateExternalUser_WithoutTheFunctionalRight_IsDenied_AndCreatesNothing()
    {
        var staff = await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);

        var act = () => _host.Users.CreateExternalUserAsync(_host.ActorFor(staff), "person-1", "partner", "p@elsewhere.example", TestHost.Password);

        (await act.Should().ThrowAsync<AccessDeniedException>()).Which.RequiredRight.Should().Be(FunctionalRights.CreateExternalUsers);
        (await _host.Users.FindByUserNameAsync(_workspace, "partner")).Should().BeNull();
    }

    [Test]
    public async Task CreateExternalUser_ByAnExternalUser_IsDenied()
    {
        var partner = await _host.Users.CreateExternalUserAsync(_admin, "person-1", "partner", "p@elsewhere.example", TestHost.Password);

        var act = () => _host.Users.CreateExternalUserAsync(_host.ActorFor(partner), "person-2", "partner2", "p2@elsewhere.example", TestHost.Password);

        await act.Should().ThrowAsync<AccessDeniedException>();
    }

    [Test]
    public async Task CreateExternalUser_WhileTheOptionIsOff_ThrowsNamingIt()
    {
        using var host = NewHost();
        var workspace = await host.CreateWorkspaceAsync(license: ExternalLicense);
        var admin = await host.CreateAdministratorAsync(workspace);

        var act = () => host.Users.CreateExternalUserAsync(admin, "person-1", "partner", "p@elsewhere.example", TestHost.Password);

        await act.Should().ThrowAsync<ExternalUsersDisabledException>().WithMessage("*ExternalUsers.Enabled*");
    }

    [Test]
    public async Task CreateExternalUser_WithoutTheLicence_ThrowsLicenseRequired()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, WorkspaceLicense.None);

        var act = () => _host.Users.CreateExternalUserAsync(_admin, "person-1", "partner", "p@elsewhere.example", TestHost.Password);

        await act.Should().ThrowAsync<LicenseRequiredException>();
    }

    [TestCase(null, "personId")]
    [TestCase("", "personId")]
    [TestCase("nul\0", "personId")]
    public async Task CreateExternalUser_InvalidPersonId_ThrowsNamingIt(string? personId, string paramName)
    {
        var act = () => _host.Users.CreateExternalUserAsync(_admin, personId!, "partner", "p@elsewhere.example", TestHost.Password);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be(paramName);
    }

    [TestCase(" padded")]
    [TestCase("line\nbreak")]
    [TestCase("")]
    public async Task CreateInternalUser_InvalidUserName_ThrowsNamingIt(string userName)
    {
        var act = () => _host.Users.CreateInternalUserAsync(_workspace, userName, "x@softr.io", TestHost.Password);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("userName");
    }

    [Test]
    public async Task CreateInternalUser_NameTakenInOtherCase_Throws()
    {
        var act = () => _host.Users.CreateInternalUserAsync(_workspace, "ADMIN", "other@softr.io", TestHost.Password);

        await act.Should().ThrowAsync<UserNameTakenException>();
    }

    [Test]
    public async Task CreateInternalUser_GrantAboveNoCeiling_IsAccepted_ButInvalidGrantIsRefused()
    {
        var bad = new RightsGrant { FunctionalRights = new HashSet<string> { "two words" } };

        var act = () => _host.Users.CreateInternalUserAsync(_workspace, "x", "x@softr.io", TestHost.Password, bad);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("rights");
    }

    [Test]
    public async Task SameUserNameInTwoWorkspaces_IsAllowed()
    {
        var other = await _host.CreateWorkspaceAsync("owner@softr.io");

        var account = await _host.Users.CreateInternalUserAsync(other, "admin", "admin@softr.io", TestHost.Password);

        account.WorkspaceId.Should().Be(other);
    }

    [Test]
    public async Task SetAnonymousUser_NeedsNoLicence_AndIsAssignedAnonymous()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, WorkspaceLicense.None);

        var account = await _host.Users.SetAnonymousUserAsync(_workspace, "anonymous", TestHost.Password);

        account.Should().BeEquivalentTo(new { UserType = UserType.Anonymous, UserTypeSource = UserTypeSource.Assigned, Email = (string?)null });
    }

    [Test]
    public async Task SetAnonymousUser_Again_ReplacesNameAndPassword_KeepingIdAndGrant()
    {
        var first = await _host.Users.SetAnonymousUserAsync(_workspace, "anonymous", TestHost.Password);
        await _host.Users.GrantAsync(_admin, first.Id, new RightsGrant { DataRights = new Dictionary<string, DataRights> { ["contact"] = DataRights.Create } });
        var firstHash = (await _host.StoredAsync(first)).PasswordHash;

        var second = await _host.Users.SetAnonymousUserAsync(_workspace, "guest", "another password");

        second.Id.Should().Be(first.Id);
        second.Rights.DataRights.Should().ContainKey("contact");
        (await _host.Users.FindByUserNameAsync(_workspace, "anonymous")).Should().BeNull();
        (await _host.StoredAsync(second)).PasswordHash.Should().NotBe(firstHash);
    }

    [Test]
    public async Task SetAnonymousUser_NameOfAnotherAccount_ThrowsUserNameTaken()
    {
        var act = () => _host.Users.SetAnonymousUserAsync(_workspace, "Admin", TestHost.Password);

        await act.Should().ThrowAsync<UserNameTakenException>();
        (await _host.UserStore.FindAnonymousAsync(_workspace, CancellationToken.None)).Should().BeNull();
    }

    [Test]
    public async Task FindByUserName_IsCaseInsensitive_AndUnknownWorkspaceThrows()
    {
        (await _host.Users.FindByUserNameAsync(_workspace, "ADMIN")).Should().NotBeNull();

        var act = () => _host.Users.FindByUserNameAsync("no-such-workspace", "admin");

        (await act.Should().ThrowAsync<WorkspaceNotFoundException>()).Which.WorkspaceId.Should().Be("no-such-workspace");
    }
}
