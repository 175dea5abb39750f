using UserTypes.Tests.Stores;
namespace UserTypes.Tests.Authentication;

[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class AuthenticatorTests(StoreKind store) : StoreFixture(store)
{
    private static readonly WorkspaceLicense FullLicense = new() { ExternalUsers = true, AnonymousUsers = true };

    private TestHost _host = null!;
    private string _workspace = null!;
    private AuthenticatedUser _admin = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost(o =>
        {
            o.ExternalUsers.Enabled = true;
            o.AnonymousUsers.AllowImplicit = true;
        });
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io", license: FullLicense);
        _admin = await _host.CreateAdministratorAsync(_workspace);
        await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);
        await _host.Users.CreateExternalUserAsync(_admin, "person-1", "partner", "partner@elsewhere.example", TestHost.Password);
        await _host.Users.SetAnonymousUserAsync(_workspace, "anonymous", TestHost.Password);
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    private IAuthenticator Authenticator => _host.Get<IAuthenticator>();

    private Task<AuthenticatedUser> LoginAsync(string userName, string password = TestHost.Password, ClientKind client = ClientKind.WebApplication) =>
        Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials(userName, password), client);

    private static async Task<AuthenticationFailureReason> FailureOf(Func<Task> act)
    {
        var thrown = await act.Should().ThrowAsync<AuthenticationFailedException>();
        thrown.Which.Message.Should().Be(AuthenticationFailedException.GenericMessage);
        return thrown.Which.Reason;
    }

    [TestCase("staff", UserType.Internal)]
    [TestCase("STAFF", UserType.Internal)]
    [TestCase("partner", UserType.External)]
    [TestCase("anonymous", UserType.Anonymous)]
    public async Task Login_EnabledAccountWithTheRightPassword_Succeeds(string userName, UserType type)
    {
        var user = await LoginAsync(userName);

        user.UserType.Should().Be(type);
        user.IsImplicitAnonymous.Should().BeFalse();
        user.WorkspaceId.Should().Be(_workspace);
    }

    [Test]
    public async Task Login_ReturnsTheEffectiveRights()
    {
        var partner = await LoginAsync("partner");

        partner.Rights.For("contact").Should().Be(DataRights.View);
        (await LoginAsync("admin")).Rights.Has(FunctionalRights.ManageRights).Should().BeTrue();
    }

    [Test]
    public async Task NoCredentials_IsTheImplicitAnonymousUser()
    {
        var user = await Authenticator.AuthenticateAsync(_workspace, null, ClientKind.ServiceAgent);

        user.UserType.Should().Be(UserType.Anonymous);
        user.IsImplicitAnonymous.Should().BeTrue();
        user.UserName.Should().Be("anonymous");
        user.Rights.Allows("contact", DataRights.View).Should().BeTrue();
        user.Rights.Allows("contact", DataRights.Edit).Should().BeFalse();
    }

    [Test]
    public async Task NoCredentials_WhenImplicitIsOff_Fails()
    {
        using var host = NewHost();
        var workspace = await host.CreateWorkspaceAsync(license: FullLicense);
        await host.Users.SetAnonymousUserAsync(workspace, "anonymous", TestHost.Password);

        var reason = await FailureOf(() => host.Get<IAuthenticator>().AuthenticateAsync(workspace, null, ClientKind.ServiceAgent));

        reason.Should().Be(AuthenticationFailureReason.AnonymousAccessNotAllowed);
    }

    [Test]
    public async Task NoCredentials_WithoutAnAnonymousAccount_Fails()
    {
        var other = await _host.CreateWorkspaceAsync(license: FullLicense);

        var reason = await FailureOf(() => Authenticator.AuthenticateAsync(other, null, ClientKind.ServiceAgent));

        reason.Should().Be(AuthenticationFailureReason.AnonymousAccessNotAllowed);
    }

    [Test]
    public async Task NoCredentials_WithoutTheLicence_OrAfterItExpires_Fails()
    {
        await Authenticator.AuthenticateAsync(_workspace, null, ClientKind.ServiceAgent);
        await _host.Workspaces.SetLicenseAsync(_workspace, FullLicense with { ExpiresAt = _host.Clock.GetUtcNow().AddHours(1) });
        await Authenticator.AuthenticateAsync(_workspace, null, ClientKind.ServiceAgent);

        _host.Clock.Advance(TimeSpan.FromHours(1));
        var expired = await FailureOf(() => Authenticator.AuthenticateAsync(_workspace, null, ClientKind.ServiceAgent));
        await _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { ExternalUsers = true });
        var unlicensed = await FailureOf(() => Authenticator.AuthenticateAsync(_workspace, null, ClientKind.ServiceAgent));

        (expired, unlicensed).Should().Be((AuthenticationFailureReason.NotLicensed, AuthenticationFailureReason.NotLicensed));
    }

    [Test]
    public async Task NoCredentials_AfterAGrantOrDisable_SeesTheChangeOnTheVeryNextCall()
    {
        var before = await Authenticator.AuthenticateAsync(_workspace, null, ClientKind.ServiceAgent);
        var anonymous = (await _host.Users.FindByUserNameAsync(_workspace, "anonymous"))!;

        await _host.Users.GrantAsync(_admin, anonymous.Id, new RightsGrant { DataRights = new Dictionary<string, DataRights> { ["contact"] = DataRights.Create } });
        var afterGrant = await Authenticator.AuthenticateAsync(_workspace, null, ClientKind.ServiceAgent);
        await _host.Users.SetEnabledAsync(_workspace, anonymous.Id, enabled: false);
        var afterDisable = await FailureOf(() => Authenticator.AuthenticateAsync(_workspace, null, ClientKind.ServiceAgent));

        before.Rights.Allows("contact", DataRights.Create).Should().BeFalse();
        afterGrant.Rights.Allows("contact", DataRights.Create).Should().BeTrue();
        afterDisable.Should().Be(AuthenticationFailureReason.AccountDisabled);
    }

    [Test]
    public async Task NoCredentials_IsCachedPerWorkspace()
    {
        var first = await Authenticator.AuthenticateAsync(_workspace, null, ClientKind.ServiceAgent);
        var second = await Authenticator.AuthenticateAsync(_workspace, null, ClientKind.WebApplication);

        second.Should().BeSameAs(first);
    }

    [TestCase("partner")]
    [TestCase("anonymous")]
    [TestCase(null)]
    public async Task ExternalAndAnonymous_FromTheDesktopClient_Fail(string? userName)
    {
        var reason = await FailureOf(() => Authenticator.AuthenticateAsync(
            _workspace,
            userName is null ? null : new PasswordCredentials(userName, TestHost.Password),
            ClientKind.DesktopClient));

        reason.Should().Be(AuthenticationFailureReason.ClientNotAllowed);
    }

    [Test]
    public async Task Internal_FromTheDesktopClient_Succeeds()
    {
        (await LoginAsync("staff", client: ClientKind.DesktopClient)).UserType.Should().Be(UserType.Internal);
    }

    [TestCase("staff")]
    [TestCase("partner")]
    public async Task UndefinedClientKind_FailsClosed(string userName)
    {
        var reason = await FailureOf(() => LoginAsync(userName, client: (ClientKind)42));

        reason.Should().Be(AuthenticationFailureReason.ClientNotAllowed);
    }

    [Test]
    public async Task External_WhenTheOptionIsOff_Fails()
    {
        // An external account created while the option was on, in a host restarted with it off.
        using var host = NewHost();
        var workspace = await host.CreateWorkspaceAsync(license: FullLicense);
        var partner = new StoredUser
        {
            Account = new UserAccount
            {
                Id = "partner-id",
                WorkspaceId = workspace,
                UserName = "partner",
                UserType = UserType.External,
                UserTypeSource = UserTypeSource.Assigned,
            },
            PasswordHash = host.Get<PasswordHasher>().Hash(TestHost.Password),
        };
        await host.UserStore.CreateAsync(partner, seatLimit: null, null, [], CancellationToken.None);

        var reason = await FailureOf(() => host.Get<IAuthenticator>().AuthenticateAsync(workspace, new PasswordCredentials("partner", TestHost.Password), ClientKind.WebApplication));

        reason.Should().Be(AuthenticationFailureReason.ExternalUsersNotAllowed);
    }

    [Test]
    public async Task External_WithoutTheLicence_Fails()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { AnonymousUsers = true });

        (await FailureOf(() => LoginAsync("partner"))).Should().Be(AuthenticationFailureReason.NotLicensed);
    }

    [Test]
    public async Task ExplicitAnonymous_WithoutTheLicence_Fails()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { ExternalUsers = true });

        (await FailureOf(() => LoginAsync("anonymous"))).Should().Be(AuthenticationFailureReason.NotLicensed);
    }

    [Test]
    public async Task DisabledAccount_WithTheRightPassword_FailsAsDisabled_WithAWrongOneAsInvalidCredentials()
    {
        var staff = (await _host.Users.FindByUserNameAsync(_workspace, "staff"))!;
        await _host.Users.SetEnabledAsync(_workspace, staff.Id, enabled: false);

        (await FailureOf(() => LoginAsync("staff"))).Should().Be(AuthenticationFailureReason.AccountDisabled);
        (await FailureOf(() => LoginAsync("staff", "wrong password"))).Should().Be(AuthenticationFailureReason.InvalidCredentials);
    }

    [Test]
    public async Task ASignedUpAccount_HasProvenItsAddress_AndLogsInAtOnce()
    {
        var account = await _host.SignUpAsync(_workspace, "john@softr.io", TestHost.Password);

        var user = await LoginAsync("john@softr.io");

        account.EmailConfirmed.Should().BeTrue();
        user.UserType.Should().Be(UserType.Internal);
    }

    [Test]
    public async Task UnknownUser_AndWrongPassword_AreTheSameFailure()
    {
        var unknown = await _host.Get<IAuthenticator>().Invoking(a => a.AuthenticateAsync(_workspace, new PasswordCredentials("nobody", TestHost.Password), ClientKind.WebApplication))
            .Should().ThrowAsync<AuthenticationFailedException>();
        var wrong = await _host.Get<IAuthenticator>().Invoking(a => a.AuthenticateAsync(_workspace, new PasswordCredentials("staff", "wrong password"), ClientKind.WebApplication))
            .Should().ThrowAsync<AuthenticationFailedException>();

        unknown.Which.Reason.Should().Be(AuthenticationFailureReason.InvalidCredentials);
        wrong.Which.Reason.Should().Be(AuthenticationFailureReason.InvalidCredentials);
        unknown.Which.Message.Should().Be(wrong.Which.Message);
    }

    [Test]
    public async Task UnknownWorkspace_FailsLikeAWrongPassword()
    {
        var unknown = () => Authenticator.AuthenticateAsync("no-such-workspace", new PasswordCredentials("staff", TestHost.Password), ClientKind.WebApplication);
        var anonymous = () => Authenticator.AuthenticateAsync("no-such-workspace", null, ClientKind.ServiceAgent);
        var wrong = () => Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("staff", "wrong password"), ClientKind.WebApplication);

        var failure = (await unknown.Should().ThrowAsync<AuthenticationFailedException>()).Which;
        (await anonymous.Should().ThrowAsync<AuthenticationFailedException>()).Which.Reason.Should().Be(AuthenticationFailureReason.UnknownWorkspace);
        failure.Reason.Should().Be(AuthenticationFailureReason.UnknownWorkspace);
        failure.Message.Should().Be((await wrong.Should().ThrowAsync<AuthenticationFailedException>()).Which.Message).And.NotContain("no-such-workspace");
    }

    [Test]
    public async Task NullInsideTheCredentials_ThrowsNamingThem()
    {
        var act = () => Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials(null!, "x"), ClientKind.WebApplication);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("credentials");
    }

    [Test]
    public void Credentials_ToString_HidesThePassword()
    {
        new PasswordCredentials("staff", "s3cret-value").ToString().Should().Contain("staff").And.NotContain("s3cret-value");
    }
}
