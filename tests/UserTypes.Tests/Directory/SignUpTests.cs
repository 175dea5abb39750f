using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
    public async Task SignUp_CollaboratorDomain_IsAConfirmedClassifiedInternalAccountNamedByItsAddress()
    {
        var result = await _host.SignUpAsync(_workspace, "John@SOFTR.io", TestHost.Password);

        result.Should().BeEquivalentTo(new
        {
            WorkspaceId = _workspace,
            UserName = "john@softr.io",
            Email = "john@softr.io",
            EmailConfirmed = true,
            UserType = UserType.Internal,
            UserTypeSource = UserTypeSource.Classified,
            Enabled = true,
            Version = 1L,
        });
        result.CreatedAt.Should().Be(_host.Clock.GetUtcNow());
    }

    [Test]
    public async Task SignUp_OtherDomain_IsExternal()
    {
        var result = await _host.SignUpAsync(_workspace, "applicant@elsewhere.example", TestHost.Password);

        result.UserType.Should().Be(UserType.External);
    }

    [Test]
    public async Task SignUp_ExternalWhileExternalUsersAreOff_ThrowsNamingTheOptionAndCreatesNothing()
    {
        using var host = NewHost();
        var workspace = await host.CreateWorkspaceAsync(license: ExternalLicense);

        var act = () => host.SignUpAsync(workspace, "applicant@elsewhere.example", TestHost.Password);

        await act.Should().ThrowAsync<ExternalUsersDisabledException>().WithMessage("*ExternalUsers.Enabled*");
        (await host.Users.FindByUserNameAsync(workspace, "applicant@elsewhere.example")).Should().BeNull();
    }

    [Test]
    public async Task SignUp_ExternalWithoutTheLicence_ThrowsLicenseRequired()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, WorkspaceLicense.None);

        var act = () => _host.SignUpAsync(_workspace, "applicant@elsewhere.example", TestHost.Password);

        (await act.Should().ThrowAsync<LicenseRequiredException>()).Which.Feature.Should().Be(LicensedFeature.ExternalUsers);
        (await _host.SeatsAsync(_workspace)).ExternalUsers.Should().Be(0);
    }

    [Test]
    public async Task SignUp_ExternalAfterTheLicenceExpired_ThrowsLicenseRequired()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, ExternalLicense with { ExpiresAt = _host.Clock.GetUtcNow().AddDays(1) });
        await _host.SignUpAsync(_workspace, "before@elsewhere.example", TestHost.Password);

        _host.Clock.Advance(TimeSpan.FromDays(1));
        var act = () => _host.SignUpAsync(_workspace, "after@elsewhere.example", TestHost.Password);

        await act.Should().ThrowAsync<LicenseRequiredException>();
    }

    [Test]
    public async Task SignUp_InternalNeedsNoLicence()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, WorkspaceLicense.None);

        var result = await _host.SignUpAsync(_workspace, "john@softr.io", TestHost.Password);

        result.UserType.Should().Be(UserType.Internal);
    }

    [TestCase("JOHN@softr.io")]
    [TestCase("john@SOFTR.IO")]
    public async Task SignUp_SameAddressInOtherCase_GetsANoticeInsteadOfAToken_AndCreatesNothing(string second)
    {
        await _host.SignUpAsync(_workspace, "john@softr.io", TestHost.Password);

        await _host.Users.RequestSignUpAsync(_workspace, second);

        _host.Mailer.To("john@softr.io").Select(mail => mail.Kind).Should().Equal(AccountMailKind.SignUp, AccountMailKind.AlreadyRegistered);
        _host.Mailer.To("john@softr.io")[^1].Token.Should().BeNull();
        (await _host.SeatsAsync(_workspace)).InternalUsers.Should().Be(1);
    }

    [Test]
    public async Task CompleteSignUp_ConcurrentlyWithTheLiveTokensOfOneAddress_ExactlyOneWins()
    {
        for (var i = 0; i < 3; i++)
        {
            await _host.Users.RequestSignUpAsync(_workspace, "race@softr.io");
        }

        var tokens = _host.Mailer.To("race@softr.io").Select(mail => mail.Token!).ToList();
        var attempts = Enumerable.Range(0, 21).Select(i => Task.Run(async () =>
        {
            try
            {
                await _host.Users.CompleteSignUpAsync(_workspace, i % 2 == 0 ? "race@softr.io" : "RACE@softr.io", tokens[i % 3], TestHost.Password);
                return true;
            }
            catch (ArgumentException e) when (e.ParamName == "token")
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
        var act = () => _host.SignUpAsync(_workspace, email, TestHost.Password);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("email");
    }

    [TestCase("short", "fewer than 8")]
    [TestCase("", "fewer than 8")]
    public async Task SignUp_PasswordTooShort_ThrowsNamingPassword(string password, string message)
    {
        var act = () => _host.SignUpAsync(_workspace, "john@softr.io", password);

        (await act.Should().ThrowAsync<ArgumentException>().WithMessage($"*{message}*")).Which.ParamName.Should().Be("password");
        (await _host.Users.FindByUserNameAsync(_workspace, "john@softr.io")).Should().BeNull();
    }

    [Test]
    public async Task SignUp_PasswordOf129Characters_IsRefused_And128AreAccepted()
    {
        var tooLong = () => _host.SignUpAsync(_workspace, "john@softr.io", new string('p', 129));

        (await tooLong.Should().ThrowAsync<ArgumentException>().WithMessage("*more than 128*")).Which.ParamName.Should().Be("password");
        (await _host.SignUpAsync(_workspace, "john@softr.io", new string('p', 128))).Should().NotBeNull();
    }

    [Test]
    public async Task SignUp_PasswordOfSurrogatePairs_CountsCharactersNotCodeUnits()
    {
        // 128 emoji are 256 UTF-16 code units but 128 characters.
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 128));

        var result = await _host.SignUpAsync(_workspace, "john@softr.io", emoji);

        result.UserName.Should().Be("john@softr.io");
    }

    [TestCase('\uD800')]
    [TestCase('\uDC00')]
    public async Task SignUp_PasswordWithALoneSurrogate_IsRefused(char surrogate)
    {
        var password = "password" + surrogate + "tail";

        var act = () => _host.SignUpAsync(_workspace, "john@softr.io", password);

        (await act.Should().ThrowAsync<ArgumentException>().WithMessage("*unpaired surrogate*")).Which.ParamName.Should().Be("password");
    }

    [Test]
    public async Task SignUp_AMegabytePassword_IsRefusedWithoutEchoingIt()
    {
        var password = new string('x', 1 << 20);

        var act = () => _host.SignUpAsync(_workspace, "john@softr.io", password);

        var thrown = await act.Should().ThrowAsync<ArgumentException>();
        thrown.Which.ParamName.Should().Be("password");
        thrown.Which.Message.Should().NotContain("xxxxxxxx");
    }

    [Test]
    public async Task SignUp_InAnUnknownWorkspace_AnswersAlike_AndAMadeUpTokenIsTheTokenRefusal()
    {
        await _host.Users.RequestSignUpAsync("no-such-workspace", "john@softr.io");
        await _host.Users.RequestPasswordResetAsync("no-such-workspace", "john@softr.io");
        var complete = () => _host.Users.CompleteSignUpAsync("no-such-workspace", "john@softr.io", "made-up", TestHost.Password);
        var reset = () => _host.Users.ResetPasswordAsync("no-such-workspace", "john@softr.io", "made-up", TestHost.Password);

        _host.Mailer.Sent.Should().BeEmpty("nothing is stored or sent for a workspace that does not exist");
        (await complete.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
        (await reset.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
    }

    [Test]
    public async Task SignUp_StoresAnEnhancedBCryptHashAndNoPlainSecret()
    {
        var result = await _host.SignUpAsync(_workspace, "john@softr.io", TestHost.Password);

        var stored = await _host.StoredAsync(result);
        stored.PasswordHash.Should().StartWith("$nfkc$2").And.NotContain(TestHost.Password);
    }

    [Test]
    public async Task RequestSignUp_CreatesNothingThatCanLogIn_AndTakesNoSeat()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, ExternalLicense with { MaxInternalUsers = 0 });

        await _host.Users.RequestSignUpAsync(_workspace, "john@softr.io");

        (await _host.Users.FindByEmailAsync(_workspace, "john@softr.io")).Should().BeNull();
        (await _host.SeatsAsync(_workspace)).InternalUsers.Should().Be(0);
        var mail = _host.Mailer.To("john@softr.io").Should().ContainSingle().Subject;
        (mail.Kind, mail.ExpiresAt).Should().Be((AccountMailKind.SignUp, _host.Clock.GetUtcNow().AddHours(24)));
        mail.ToString().Should().NotContain(mail.Token!, "a mail's text for the log never shows its token");
    }

    [Test]
    public async Task Tokens_CarryAtLeast128RandomBits_AndDifferEachTime()
    {
        await _host.Users.RequestSignUpAsync(_workspace, "one@softr.io");
        await _host.Users.RequestSignUpAsync(_workspace, "one@softr.io");

        var tokens = _host.Mailer.To("one@softr.io").Select(mail => mail.Token!).ToList();
        tokens.Should().OnlyHaveUniqueItems();
        System.Buffers.Text.Base64Url.DecodeFromChars(tokens[0]).Length.Should().BeGreaterThanOrEqualTo(16);
    }

    [TestCase("wrong-token")]
    [TestCase("")]
    public async Task CompleteSignUp_WithAWrongToken_IsRefusedAsToken_AndDoesNotUseUpTheRealOne(string token)
    {
        await _host.Users.RequestSignUpAsync(_workspace, "john@softr.io");

        var wrong = () => _host.Users.CompleteSignUpAsync(_workspace, "john@softr.io", token, TestHost.Password);

        (await wrong.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
        (await _host.Users.CompleteSignUpAsync(_workspace, "john@softr.io", _host.Mailer.TokenFor("john@softr.io", AccountMailKind.SignUp), TestHost.Password))
            .Email.Should().Be("john@softr.io");
    }

    [Test]
    public async Task CompleteSignUp_WithAnotherAddressesToken_OrAfterItExpired_OrTwice_IsTheSameRefusal()
    {
        await _host.Users.RequestSignUpAsync(_workspace, "john@softr.io");
        await _host.Users.RequestSignUpAsync(_workspace, "jane@softr.io");
        var johns = _host.Mailer.TokenFor("john@softr.io", AccountMailKind.SignUp);
        var janes = _host.Mailer.TokenFor("jane@softr.io", AccountMailKind.SignUp);

        var crossed = () => _host.Users.CompleteSignUpAsync(_workspace, "john@softr.io", janes, TestHost.Password);
        await _host.Users.CompleteSignUpAsync(_workspace, "jane@softr.io", janes, TestHost.Password);
        var twice = () => _host.Users.CompleteSignUpAsync(_workspace, "jane@softr.io", janes, TestHost.Password);
        _host.Clock.Advance(TimeSpan.FromHours(24));
        var expired = () => _host.Users.CompleteSignUpAsync(_workspace, "john@softr.io", johns, TestHost.Password);

        var messages = new List<string>();
        foreach (var act in new[] { crossed, twice, expired })
        {
            var refusal = (await act.Should().ThrowAsync<ArgumentException>()).Which;
            refusal.ParamName.Should().Be("token");
            messages.Add(refusal.Message);
        }

        messages.Distinct().Should().ContainSingle("one message for every unusable token");
        (await _host.Users.FindByEmailAsync(_workspace, "john@softr.io")).Should().BeNull();
    }

    [Test]
    public async Task CompleteSignUp_PastTheSeatLimit_IsRefused_AndTheTokenStaysUsable()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, ExternalLicense with { MaxInternalUsers = 0 });
        await _host.Users.RequestSignUpAsync(_workspace, "john@softr.io");
        var token = _host.Mailer.TokenFor("john@softr.io", AccountMailKind.SignUp);

        var full = () => _host.Users.CompleteSignUpAsync(_workspace, "john@softr.io", token, TestHost.Password);
        await full.Should().ThrowAsync<SeatLimitExceededException>();
        await _host.Workspaces.SetLicenseAsync(_workspace, ExternalLicense);

        (await _host.Users.CompleteSignUpAsync(_workspace, "john@softr.io", token, TestHost.Password)).UserType.Should().Be(UserType.Internal);
    }

    [Test]
    public async Task CompleteSignUp_ManyAgainstASeatLimit_CreateExactlyTheLimit()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, ExternalLicense with { MaxExternalUsers = 5 });
        var addresses = Enumerable.Range(0, 40).Select(i => $"applicant{i}@elsewhere.example").ToList();
        foreach (var address in addresses)
        {
            await _host.Users.RequestSignUpAsync(_workspace, address);
        }

        var outcomes = await Task.WhenAll(addresses.Select(address => Task.Run(async () =>
        {
            try
            {
                await _host.Users.CompleteSignUpAsync(_workspace, address, _host.Mailer.TokenFor(address, AccountMailKind.SignUp), TestHost.Password);
                return true;
            }
            catch (SeatLimitExceededException)
            {
                return false;
            }
        })));

        outcomes.Count(created => created).Should().Be(5);
        (await _host.SeatsAsync(_workspace)).ExternalUsers.Should().Be(5);
    }

    [Test]
    public async Task RequestSignUp_PastTheHourlyCap_SendsNothing_ButAnswersTheSame_AndTheMailedTokensStayUsable()
    {
        for (var i = 0; i < 10; i++)
        {
            await _host.Users.RequestSignUpAsync(_workspace, "victim@softr.io");
        }

        var mails = _host.Mailer.To("victim@softr.io");
        mails.Should().HaveCount(3, "three mails an hour by default");
        (await _host.Users.CompleteSignUpAsync(_workspace, "victim@softr.io", mails[0].Token!, TestHost.Password))
            .Email.Should().Be("victim@softr.io", "the requests past the cap dropped none of the mailed tokens");
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await _host.Users.RequestSignUpAsync(_workspace, "victim@softr.io");
        _host.Mailer.To("victim@softr.io").Should().HaveCount(4, "an hour later the address gets mail again (an AlreadyRegistered notice now)");
    }

    [Test]
    public void WithoutAMailer_TheHostFailsAtStartUp_UnlessTheFlowsAreOff()
    {
        using var withoutMailer = new ServiceCollection().AddUserTypes().AddInMemoryStores().Services.BuildServiceProvider();
        using var flowsOff = new ServiceCollection().AddUserTypes(o => o.Mail.Enabled = false).AddInMemoryStores().Services.BuildServiceProvider();

        var start = () => withoutMailer.GetRequiredService<IStartupValidator>().Validate();
        var startOff = () => flowsOff.GetRequiredService<IStartupValidator>().Validate();

        start.Should().Throw<OptionsValidationException>().WithMessage("*IAccountMailer*");
        startOff.Should().NotThrow();
    }
}
