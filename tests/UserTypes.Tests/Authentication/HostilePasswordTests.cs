using UserTypes.Tests.Stores;
using Microsoft.Extensions.Options;

namespace UserTypes.Tests.Authentication;

[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class HostilePasswordTests(StoreKind store) : StoreFixture(store)
{
    private TestHost _host = null!;
    private string _workspace = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost();
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io");
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    private async Task<AuthenticationFailureReason?> TryLoginAsync(string userName, string password)
    {
        try
        {
            await _host.Get<IAuthenticator>().AuthenticateAsync(_workspace, new PasswordCredentials(userName, password), ClientKind.WebApplication);
            return null;
        }
        catch (AuthenticationFailedException e)
        {
            e.Message.Should().Be(AuthenticationFailedException.GenericMessage).And.NotContain(password.Length > 0 ? password[..1] + password[1..] : "x");
            return e.Reason;
        }
    }

    [TestCase("a", 72, "1", "2")]
    [TestCase("€", 24, "tail-one", "tail-two")]
    [TestCase("é", 40, "x", "y")]
    public async Task PasswordsAlikeInTheirFirst72Bytes_AreStillDifferentPasswords(string unit, int count, string tail, string otherTail)
    {
        // 72 ASCII bytes, or 24 euro signs (3 bytes each in UTF-8), fill bcrypt's whole input: only the tail differs.
        var prefix = string.Concat(Enumerable.Repeat(unit, count));
        await _host.Users.CreateInternalUserAsync(_workspace, "victim", "victim@softr.io", prefix + tail);

        (await TryLoginAsync("victim", prefix + otherTail)).Should().Be(AuthenticationFailureReason.InvalidCredentials);
        (await TryLoginAsync("victim", prefix + tail)).Should().BeNull();
    }

    [Test]
    public async Task EmbeddedNul_IsPartOfThePassword()
    {
        await _host.Users.CreateInternalUserAsync(_workspace, "victim", "victim@softr.io", "before\0after-the-nul");

        (await TryLoginAsync("victim", "before")).Should().Be(AuthenticationFailureReason.InvalidCredentials);
        (await TryLoginAsync("victim", "before\0after-the-nul")).Should().BeNull();
    }

    [Test]
    public async Task LoneSurrogate_OrAMegabyte_AreInvalidCredentialsWithoutHashingOrCounting()
    {
        var victim = await _host.Users.CreateInternalUserAsync(_workspace, "victim", "victim@softr.io", TestHost.Password);

        (await TryLoginAsync("victim", "password\uD800")).Should().Be(AuthenticationFailureReason.InvalidCredentials);
        (await TryLoginAsync("victim", new string('x', 1 << 20))).Should().Be(AuthenticationFailureReason.InvalidCredentials);

        (await _host.StoredAsync(victim)).Account.AccessFailedCount.Should().Be(0, "a password no account can have was never compared");
    }

    [TestCase("")]
    [TestCase("notahash")]
    [TestCase("$2a$99$abcdefghijklmnopqrstuvabcdefghijklmnopqrstuvwxyz01234")]
    [TestCase("$2a$04$abcdefghijklmnopqrstu")]
    public async Task MalformedStoredHash_IsInvalidCredentials_NeverABCryptException(string hash)
    {
        var victim = await _host.Users.CreateInternalUserAsync(_workspace, "victim", "victim@softr.io", TestHost.Password);
        var stored = await _host.StoredAsync(victim);
        await _host.UserStore.UpdateAsync(stored with { PasswordHash = hash, Account = stored.Account with { Version = 2 } }, 1, null, null, [], CancellationToken.None);

        (await TryLoginAsync("victim", TestHost.Password)).Should().Be(AuthenticationFailureReason.InvalidCredentials);
    }

    [Test]
    public async Task ALowerWorkFactorHash_IsReplacedOnTheNextSuccessfulLogin()
    {
        using var cheap = NewHost(o => o.Password.WorkFactor = 4);
        var workspace = await cheap.CreateWorkspaceAsync("owner@softr.io");
        var victim = await cheap.Users.CreateInternalUserAsync(workspace, "victim", "victim@softr.io", TestHost.Password);
        var oldHash = (await cheap.StoredAsync(victim)).PasswordHash;
        var options = new UserTypesOptions();
        options.Password.WorkFactor = 5;
        var stronger = new PasswordHasher(new HashingGate(Options.Create(options)), Options.Create(options));

        stronger.Verify(TestHost.Password, oldHash, out _).Should().Be(PasswordVerification.SucceededRehashNeeded);
        using var upgraded = NewHost(o => o.Password.WorkFactor = 5, shareStoresWith: cheap);
        await upgraded.Authenticator.AuthenticateAsync(workspace, new PasswordCredentials("victim", TestHost.Password), ClientKind.WebApplication);

        var newHash = (await cheap.StoredAsync(victim)).PasswordHash;
        newHash.Should().NotBe(oldHash).And.Contain("$05$");
        (await upgraded.Authenticator.AuthenticateAsync(workspace, new PasswordCredentials("victim", TestHost.Password), ClientKind.WebApplication)).UserName.Should().Be("victim");
    }
}
