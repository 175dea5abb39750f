using Microsoft.Extensions.Options;

namespace UserTypes.Tests.Authentication;

/// <summary>
/// The rules a new password must meet beyond its length: not common, not the host's blocked words, not the account's
/// own name or address. Checked before anything is stored, on every path that sets a password.
/// </summary>
public sealed class PasswordPolicyTests
{
    private TestHost _host = null!;
    private string _workspaceId = null!;

    [SetUp]
    public async Task CreateWorkspaceAsync()
    {
        _host = new TestHost(options => options.Password.BlockedPasswords.Add("softr-rocks-2026"));
        _workspaceId = await _host.CreateWorkspaceAsync("owner@softr.io");
    }

    [TearDown]
    public void DisposeHost() => _host.Dispose();

    [Test]
    public void EveryListedPasswordAtLeastTheMinimumLong_IsRefused_InAnyCase()
    {
        var policy = _host.Get<PasswordPolicy>();
        var listed = ReadList().Where(word => word.Length >= new PasswordOptions().MinLength).ToList();

        listed.Should().HaveCountGreaterThan(10_000, "the list holds 30,000 passwords, more than a third of them 8 characters or longer");
        foreach (var word in listed)
        {
            FluentActions.Invoking(() => policy.ThrowIfInvalid(word, "someone", "someone@softr.io")).Should().Throw<ArgumentException>(word);
            FluentActions.Invoking(() => policy.ThrowIfInvalid(word.ToUpperInvariant(), "someone", "someone@softr.io")).Should().Throw<ArgumentException>(word);
        }
    }

    [TestCase("password1")]
    [TestCase("Sunshine")]
    [TestCase("TRUSTNO1")]
    [TestCase("SOFTR-ROCKS-2026")]
    public async Task ACommonOrBlockedPassword_IsRefusedWithoutBeingEchoed_AndNothingIsCreated(string password)
    {
        var create = () => _host.Users.CreateInternalUserAsync(_workspaceId, "sam", "sam@softr.io", password);

        var refused = (await create.Should().ThrowAsync<ArgumentException>()).Which;

        refused.ParamName.Should().Be("password");
        refused.Message.Should().Contain("most common passwords").And.NotContainEquivalentOf(password);
        (await _host.Users.FindByEmailAsync(_workspaceId, "sam@softr.io")).Should().BeNull();
    }

    [TestCase("marie.curie", "Marie.Curie-2026!", "the user name")]
    [TestCase("marie.curie", "MARIE.CURIE", "the user name")]
    [TestCase("marie.curie", "my xMarie@Softr.IOx pass", "the e-mail address")]
    [TestCase("mc", "Marie likes 2026!!", "the e-mail address or its local part")]
    public async Task APasswordEqualToOrContainingTheNameOrAddress_IsRefused(string userName, string password, string what)
    {
        var create = () => _host.Users.CreateInternalUserAsync(_workspaceId, userName, "marie@softr.io", password);

        var refused = (await create.Should().ThrowAsync<ArgumentException>()).Which;

        refused.ParamName.Should().Be("password");
        refused.Message.Should().Contain($"it contains {what}").And.NotContain(password);
        (await _host.Users.FindByEmailAsync(_workspaceId, "marie@softr.io")).Should().BeNull();
    }

    [Test]
    public void AShortUserName_IsRefusedOnlyAsTheWholePassword()
    {
        var policy = new PasswordPolicy(Options.Create(new UserTypesOptions { Password = new PasswordOptions { MinLength = 2 } }));

        FluentActions.Invoking(() => policy.ThrowIfInvalid("Mc", "mc", email: null)).Should().Throw<ArgumentException>().WithMessage("*it contains the user name*");
        FluentActions.Invoking(() => policy.ThrowIfInvalid("mcmillan stone 42", "mc", email: null)).Should().NotThrow();
    }

    [Test]
    public async Task AShortUserNameInsideALongerPassword_IsAllowed()
    {
        // Refusing every password that contains "mc" would guard nothing and annoy everyone.
        var account = await _host.Users.CreateInternalUserAsync(_workspaceId, "mc", "marie@softr.io", "mcmillan stone 42");

        account.UserName.Should().Be("mc");
    }

    [Test]
    public async Task ChangingToAPasswordContainingTheAddress_IsRefused_AndTheOldOneStillWorks()
    {
        var sam = await _host.SignUpAsync(_workspaceId, "sam@softr.io");
        var session = await _host.Authenticator.AuthenticateAsync(_workspaceId, new PasswordCredentials("sam@softr.io", TestHost.Password), ClientKind.WebApplication);

        var change = () => _host.Users.ChangePasswordAsync(session, TestHost.Password, "Sam@Softr.io forever");

        (await change.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("newPassword");
        (await _host.Users.FindByIdAsync(_workspaceId, sam.Id))!.SecurityStamp.Should().Be(sam.SecurityStamp);
    }

    [Test]
    public async Task WhatTheAccountHolds_IsCheckedOnceItIsRead_WhenChangingOrResetting()
    {
        // The caller names neither: a change knows only the session's user name, a reset only the address.
        var kim = await _host.Users.CreateInternalUserAsync(_workspaceId, "kim", "sam@softr.io", "tulip garden 77");
        var session = await _host.Authenticator.AuthenticateAsync(_workspaceId, new PasswordCredentials("kim", "tulip garden 77"), ClientKind.WebApplication);
        await _host.Users.IssuePasswordResetAsync(_workspaceId, kim.Id);
        var token = _host.Mailer.TokenFor("sam@softr.io", AccountMailKind.PasswordReset);

        var change = () => _host.Users.ChangePasswordAsync(session, "tulip garden 77", "sam rocks 2026!!");
        var reset = () => _host.Users.ResetPasswordAsync(_workspaceId, "sam@softr.io", token, "kim rocks 2026!!");

        (await change.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("local part");
        (await reset.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("the user name");
        (await _host.Users.FindByIdAsync(_workspaceId, kim.Id))!.SecurityStamp.Should().Be(kim.SecurityStamp, "nothing changed");
        (await _host.Users.ResetPasswordAsync(_workspaceId, "sam@softr.io", token, "a rare and fresh passphrase")).Id.Should().Be(kim.Id, "the token was not used up");
    }

    [Test]
    public async Task AResetToACommonPassword_IsRefused_AndLeavesTheTokenUsable()
    {
        await _host.SignUpAsync(_workspaceId, "sam@softr.io");
        await _host.Users.RequestPasswordResetAsync(_workspaceId, "sam@softr.io");
        var token = _host.Mailer.TokenFor("sam@softr.io", AccountMailKind.PasswordReset);

        var common = () => _host.Users.ResetPasswordAsync(_workspaceId, "sam@softr.io", token, "iloveyou1");
        var own = () => _host.Users.ResetPasswordAsync(_workspaceId, "sam@softr.io", token, "i am sam@softr.io");

        (await common.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("newPassword");
        (await own.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("newPassword");
        var reset = await _host.Users.ResetPasswordAsync(_workspaceId, "sam@softr.io", token, "a fresh and rare passphrase");
        reset.Email.Should().Be("sam@softr.io");
    }

    [Test]
    public async Task ABlockedWordAddedLater_DoesNotLockOutTheAccountThatHasIt()
    {
        await _host.Users.CreateInternalUserAsync(_workspaceId, "sam", "sam@softr.io", "tulip garden 77");
        using var stricter = new TestHost(options => options.Password.BlockedPasswords.Add("TULIP GARDEN 77"), shareStoresWith: _host);

        var user = await stricter.Authenticator.AuthenticateAsync(_workspaceId, new PasswordCredentials("sam", "tulip garden 77"), ClientKind.WebApplication);
        var again = () => stricter.Users.CreateInternalUserAsync(_workspaceId, "kim", "kim@softr.io", "tulip garden 77");

        user.UserName.Should().Be("sam");
        await again.Should().ThrowAsync<ArgumentException>();
    }

    [Test]
    public async Task APasswordThatDoesNotNormalise_IsRefusedSayingWhy_AndNothingIsCreated()
    {
        var create = () => _host.Users.CreateInternalUserAsync(_workspaceId, "sam", "sam@softr.io", "correct horse\uFFFEbattery!");

        var refused = (await create.Should().ThrowAsync<ArgumentException>()).Which;

        refused.ParamName.Should().Be("password");
        refused.Message.Should().Contain("a character Unicode does not allow in text").And.NotContain("correct horse");
        (await _host.Users.FindByEmailAsync(_workspaceId, "sam@softr.io")).Should().BeNull();
    }

    [Test]
    public void MinLength_IsCountedOnTheFormThatIsHashed()
    {
        // Nine conjoining jamo compose to three Hangul syllables: what a guesser must find has three characters.
        const string jamo = "\u1100\u1161\u11A8\u1100\u1161\u11A8\u1100\u1161\u11A8";
        const string syllables = "\uAC01\uAC01\uAC01\uAC01\uAC01\uAC01\uAC01\uAC01";
        var policy = _host.Get<PasswordPolicy>();

        PasswordHasher.Normalize(jamo).Should().HaveLength(3);
        FluentActions.Invoking(() => policy.ThrowIfInvalid(jamo, "sam", "sam@softr.io"))
            .Should().Throw<ArgumentException>().WithMessage("*fewer than 8 characters*");
        FluentActions.Invoking(() => policy.ThrowIfInvalid(syllables, "sam", "sam@softr.io")).Should().NotThrow();
    }

    [Test]
    public void AnEmptyBlockedWord_IsRefusedAtStartUp()
    {
        var options = new UserTypesOptions();
        options.Password.BlockedPasswords.Add("");

        var result = new UserTypesOptionsRules().Validate(Options.DefaultName, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Password.BlockedPasswords");
    }

    private static IEnumerable<string> ReadList()
    {
        using var stream = typeof(UserTypesOptions).Assembly.GetManifestResourceStream("UserTypes.CommonPasswords.txt")!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
