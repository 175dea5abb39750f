using UserTypes.Tests.Stores;
namespace UserTypes.Tests.Directory;

[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class ConfirmEmailTests(StoreKind store) : StoreFixture(store)
{
    private TestHost _host = null!;
    private string _workspace = null!;
    private SignUpResult _signUp = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost();
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io");
        _signUp = await _host.Users.SignUpAsync(_workspace, "john@softr.io", TestHost.Password);
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    [Test]
    public async Task Confirm_WithTheToken_ConfirmsAndForgetsTheToken()
    {
        var account = await _host.Users.ConfirmEmailAsync(_workspace, _signUp.Account.Id, _signUp.EmailConfirmationToken);

        account.EmailConfirmed.Should().BeTrue();
        account.Version.Should().Be(2);
        (await _host.StoredAsync(account)).EmailConfirmationTokenHash.Should().BeNull();
    }

    [Test]
    public async Task Confirm_TheSameTokenTwice_SecondThrows()
    {
        await _host.Users.ConfirmEmailAsync(_workspace, _signUp.Account.Id, _signUp.EmailConfirmationToken);

        var act = () => _host.Users.ConfirmEmailAsync(_workspace, _signUp.Account.Id, _signUp.EmailConfirmationToken);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
    }

    [TestCase("")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Confirm_WrongToken_ThrowsAndChangesNothing(string token)
    {
        var act = () => _host.Users.ConfirmEmailAsync(_workspace, _signUp.Account.Id, token);

        (await act.Should().ThrowAsync<ArgumentException>().WithMessage("*wrong, already used or expired*")).Which.ParamName.Should().Be("token");
        var stored = await _host.StoredAsync(_signUp.Account);
        stored.Account.Should().Be(_signUp.Account);
        stored.EmailConfirmationTokenHash.Should().NotBeNull();
    }

    [Test]
    public async Task Confirm_AnotherAccountsToken_IsRefused()
    {
        var other = await _host.Users.SignUpAsync(_workspace, "jane@softr.io", TestHost.Password);

        var act = () => _host.Users.ConfirmEmailAsync(_workspace, _signUp.Account.Id, other.EmailConfirmationToken);

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Test]
    public async Task Confirm_AfterTheLifetime_IsRefused_AndJustBeforeItIsAccepted()
    {
        var late = await _host.Users.SignUpAsync(_workspace, "late@softr.io", TestHost.Password);
        _host.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        await _host.Users.ConfirmEmailAsync(_workspace, _signUp.Account.Id, _signUp.EmailConfirmationToken);

        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        var act = () => _host.Users.ConfirmEmailAsync(_workspace, late.Account.Id, late.EmailConfirmationToken);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*expired*");
    }

    [Test]
    public async Task Confirm_ConfiguredLifetime_IsHonoured()
    {
        using var host = NewHost(o => o.Tokens.SignUpLifetime = TimeSpan.FromMinutes(5));
        var workspace = await host.CreateWorkspaceAsync("owner@softr.io");
        var signUp = await host.Users.SignUpAsync(workspace, "john@softr.io", TestHost.Password);

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var act = () => host.Users.ConfirmEmailAsync(workspace, signUp.Account.Id, signUp.EmailConfirmationToken);

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Test]
    public async Task Confirm_ConcurrentlyWithTheToken_ExactlyOneSucceeds()
    {
        var attempts = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            try
            {
                await _host.Users.ConfirmEmailAsync(_workspace, _signUp.Account.Id, _signUp.EmailConfirmationToken);
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }));

        (await Task.WhenAll(attempts)).Count(won => won).Should().Be(1);
    }

    [Test]
    public async Task Confirm_UnknownAccount_ThrowsAccountNotFound()
    {
        var act = () => _host.Users.ConfirmEmailAsync(_workspace, "no-such-user", _signUp.EmailConfirmationToken);

        var thrown = (await act.Should().ThrowAsync<AccountNotFoundException>()).Which;
        (thrown.WorkspaceId, thrown.UserId).Should().Be((_workspace, "no-such-user"));
    }

    [Test]
    public async Task Confirm_AccountOfAnotherWorkspace_ThrowsAccountNotFound()
    {
        var other = await _host.CreateWorkspaceAsync("owner@softr.io");

        var act = () => _host.Users.ConfirmEmailAsync(other, _signUp.Account.Id, _signUp.EmailConfirmationToken);

        await act.Should().ThrowAsync<AccountNotFoundException>();
    }
}
