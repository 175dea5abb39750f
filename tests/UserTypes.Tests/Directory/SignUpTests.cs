using UserTypes.Tests.Stores;
namespace UserTypes.Tests.Directory;

[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class SignUpTests(StoreKind store) : StoreFixture(store)
{
    private static readonly WorkspaceLicense ExternalLicense = new() { ExternalUsers = true };

    private TestHost _host = null!;
    private string _workspace = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost(o => o.ExternalUsers.Enabled = true);
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io", license: ExternalLicense);
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    [Test]
    public async Task SignUp_CollaboratorDomain_IsAnUnconfirmedClassifiedInternalAccountNamedByItsAddress()
    {
        var result = await _host.Users.SignUpAsync(_workspace, "John@SOFTR.io", TestHost.Password);

        result.Account.Should().BeEquivalentTo(new
        {
            WorkspaceId = _workspace,
            UserName = "john@softr.io",
            Email = "john@softr.io",
            EmailConfirmed = false,
            UserType = UserType.Internal,
            UserTypeSource = UserTypeSource.Classified,
            Enabled = true,
            Version = 1L,
        });
        result.Account.CreatedAt.Should().Be(_host.Clock.GetUtcNow());
    }

    [Test]
    public async Task SignUp_OtherDomain_IsExternal()
    {
        var result = await _host.Users.SignUpAsync(_workspace, "applicant@elsewhere.example", TestHost.Password);

        result.Account.UserType.Should().Be(UserType.External);
    }

    [Test]
    public async Task SignUp_ExternalWhileExternalUsersAreOff_ThrowsNamingTheOptionAndCreatesNothing()
    {
        using var host = NewHost();
        var workspace = await host.CreateWorkspaceAsync(license: ExternalLicense);

        var act = () => host.Users.SignUpAsync(workspace, "applicant@elsewhere.example", TestHost.Password);

        await act.Should().ThrowAsync<ExternalUsersDisabledException>().WithMessage("*ExternalUsers.Enabled*");
        (await host.Users.FindByUserNameAsync(workspace, "applicant@elsewhere.example")).Should().BeNull();
    }

    [Test]
    public async Task SignUp_ExternalWithoutTheLicence_ThrowsLicenseRequired()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, WorkspaceLicense.None);

        var act = () => _host.Users.SignUpAsync(_workspace, "applicant@elsewhere.example", TestHost.Password);

        (await act.Should().ThrowAsync<LicenseRequiredException>()).Which.Feature.Should().Be(LicensedFeature.ExternalUsers);
        (await _host.SeatsAsync(_workspace)).ExternalUsers.Should().Be(0);
    }

    [Test]
    public async Task SignUp_ExternalAfterTheLicenceExpired_ThrowsLicenseRequired()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, ExternalLicense with { ExpiresAt = _host.Clock.GetUtcNow().AddDays(1) });
        await _host.Users.SignUpAsync(_workspace, "before@elsewhere.example", TestHost.Password);

        _host.Clock.Advance(TimeSpan.FromDays(1));
        var act = () => _host.Users.SignUpAsync(_workspace, "after@elsewhere.example", TestHost.Password);

        await act.Should().ThrowAsync<LicenseRequiredException>();
    }

    [Test]
    public async Task SignUp_InternalNeedsNoLicence()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, WorkspaceLicense.None);

        var result = await _host.Users.SignUpAsync(_workspace, "john@softr.io", TestHost.Password);

        result.Account.UserType.Should().Be(UserType.Internal);
    }

    [TestCase("JOHN@softr.io")]
    [TestCase("john@SOFTR.IO")]
    public async Task SignUp_SameAddressInOtherCase_ThrowsUserNameTakenAndCreatesNothing(string second)
    {
        await _host.Users.SignUpAsync(_workspace, "john@softr.io", TestHost.Password);

        var act = () => _host.Users.SignUpAsync(_workspace, second, TestHost.Password);

        await act.Should().ThrowAsync<UserNameTakenException>();
        (await _host.SeatsAsync(_workspace)).InternalUsers.Should().Be(1);
    }

    [Test]
    public async Task SignUp_ConcurrentlyWithOneAddress_ExactlyOneWins()
    {
        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                await _host.Users.SignUpAsync(_workspace, i % 2 == 0 ? "race@softr.io" : "RACE@softr.io", TestHost.Password);
                return true;
            }
            catch (UserNameTakenException)
            {
                return false;
            }
        }));

        var outcomes = await Task.WhenAll(attempts);

        outcomes.Count(won => won).Should().Be(1);
        (await _host.SeatsAsync(_workspace)).InternalUsers.Should().Be(1);
    }

    [TestCase("Mallory <john@softr.io>")]
    [TestCase("john@softr.io (comment)")]
    [TestCase("john@@softr.io")]
    [TestCase("")]
    public async Task SignUp_MalformedAddress_ThrowsNamingEmail(string email)
    {
        var act = () => _host.Users.SignUpAsync(_workspace, email, TestHost.Password);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("email");
    }

    [TestCase("short", "fewer than 8")]
    [TestCase("", "fewer than 8")]
    public async Task SignUp_PasswordTooShort_ThrowsNamingPassword(string password, string message)
    {
        var act = () => _host.Users.SignUpAsync(_workspace, "john@softr.io", password);

        (await act.Should().ThrowAsync<ArgumentException>().WithMessage($"*{message}*")).Which.ParamName.Should().Be("password");
        (await _host.Users.FindByUserNameAsync(_workspace, "john@softr.io")).Should().BeNull();
    }

    [Test]
    public async Task SignUp_PasswordOf129Characters_IsRefused_And128AreAccepted()
    {
        var tooLong = () => _host.Users.SignUpAsync(_workspace, "john@softr.io", new string('p', 129));

        (await tooLong.Should().ThrowAsync<ArgumentException>().WithMessage("*more than 128*")).Which.ParamName.Should().Be("password");
        (await _host.Users.SignUpAsync(_workspace, "john@softr.io", new string('p', 128))).Account.Should().NotBeNull();
    }

    [Test]
    public async Task SignUp_PasswordOfSurrogatePairs_CountsCharactersNotCodeUnits()
    {
        // 128 emoji are 256 UTF-16 code units but 128 characters.
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 128));

        var result = await _host.Users.SignUpAsync(_workspace, "john@softr.io", emoji);

        result.Account.UserName.Should().Be("john@softr.io");
    }

    [TestCase('\uD800')]
    [TestCase('\uDC00')]
    public async Task SignUp_PasswordWithALoneSurrogate_IsRefused(char surrogate)
    {
        var password = "password" + surrogate + "tail";

        var act = () => _host.Users.SignUpAsync(_workspace, "john@softr.io", password);

        (await act.Should().ThrowAsync<ArgumentException>().WithMessage("*unpaired surrogate*")).Which.ParamName.Should().Be("password");
    }

    [Test]
    public async Task SignUp_AMegabytePassword_IsRefusedWithoutEchoingIt()
    {
        var password = new string('x', 1 << 20);

        var act = () => _host.Users.SignUpAsync(_workspace, "john@softr.io", password);

        var thrown = await act.Should().ThrowAsync<ArgumentException>();
        thrown.Which.ParamName.Should().Be("password");
        thrown.Which.Message.Should().NotContain("xxxxxxxx");
    }

    [Test]
    public async Task SignUp_UnknownWorkspace_ThrowsWorkspaceNotFound()
    {
        var act = () => _host.Users.SignUpAsync("no-such-workspace", "john@softr.io", TestHost.Password);

        await act.Should().ThrowAsync<WorkspaceNotFoundException>();
    }

    [Test]
    public async Task SignUp_StoresAnEnhancedBCryptHashAndNoPlainSecret()
    {
        var result = await _host.Users.SignUpAsync(_workspace, "john@softr.io", TestHost.Password);

        var stored = await _host.StoredAsync(result.Account);
        stored.PasswordHash.Should().StartWith("$2").And.NotContain(TestHost.Password);
        stored.EmailConfirmationTokenHash.Should().HaveCount(32).And.NotEqual(System.Text.Encoding.UTF8.GetBytes(result.EmailConfirmationToken));
    }

    [Test]
    public async Task SignUp_TokenCarriesAtLeast128RandomBits_AndDiffersEachTime()
    {
        var first = await _host.Users.SignUpAsync(_workspace, "one@softr.io", TestHost.Password);
        var second = await _host.Users.SignUpAsync(_workspace, "two@softr.io", TestHost.Password);

        Convert.FromBase64String(first.EmailConfirmationToken.Replace('-', '+').Replace('_', '/') + "=").Length.Should().BeGreaterThanOrEqualTo(16);
        first.EmailConfirmationToken.Should().NotBe(second.EmailConfirmationToken);
    }
}
