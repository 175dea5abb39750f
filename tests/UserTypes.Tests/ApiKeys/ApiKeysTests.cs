using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using UserTypes.Tests.Stores;

namespace UserTypes.Tests.ApiKeys;

/// <summary>
/// API keys on every store: a key acts as its account, with the account's rights as they are at each call; revoking it,
/// or anything that would refuse its account a login, is seen on the very next call, here and on another instance; a
/// forged, foreign or expired key is refused; only an account proven by a login makes keys, within its limit; the trail
/// records every key made and revoked, and nothing shows a key after its creation.
/// </summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class ApiKeysTests(StoreKind store) : StoreFixture(store)
{
    private const int MaxPerAccount = 3;
    private const string HostAdmin = "host-admin";

    // How long another instance may take to hear of a change (SQLite polls every 250 ms).
    private static readonly TimeSpan NotificationBound = TimeSpan.FromSeconds(5);

    private static readonly RightsGrant CreateExternalUsers = new() { FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers } };

    private TestHost _host = null!;
    private string _workspace = null!;
    private AuthenticatedUser _admin = null!;
    private UserAccount _staff = null!;
    private AuthenticatedUser _staffUser = null!;

    private IApiKeys Keys => _host.Get<IApiKeys>();

    private DateTimeOffset Now => _host.Clock.GetUtcNow();

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost(Configure);
        _host.Actor.ActorUserId = HostAdmin;
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io", license: new WorkspaceLicense { ExternalUsers = true });
        _admin = await _host.CreateAdministratorAsync(_workspace);
        _staff = await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);
        _staffUser = await LoginAsync("staff");
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    private static void Configure(UserTypesOptions options)
    {
        options.ExternalUsers.Enabled = true;
        options.ApiKeys.MaxPerAccount = MaxPerAccount;
    }

    // A password login, as the user who then creates keys would make it.
    private Task<AuthenticatedUser> LoginAsync(string userName, string? workspace = null) =>
        _host.Authenticator.AuthenticateAsync(workspace ?? _workspace, new PasswordCredentials(userName, TestHost.Password), ClientKind.WebApplication);

    private Task<CreatedApiKey> CreateKeyAsync(AuthenticatedUser? owner = null, string name = "deploy", DateTimeOffset? expiresAt = null) =>
        Keys.CreateAsync(owner ?? _staffUser, name, expiresAt);

    private Task<AuthenticatedUser> AuthenticateAsync(string key, TestHost? host = null, string? workspace = null) =>
        (host ?? _host).Authenticator.AuthenticateApiKeyAsync(workspace ?? _workspace, key).AsTask();

    private async Task<AuthenticationFailureReason> RefusedAsync(string key, string because, TestHost? host = null, string? workspace = null)
    {
        var call = () => AuthenticateAsync(key, host, workspace);
        return (await call.Should().ThrowAsync<AuthenticationFailedException>(because)).Which.Reason;
    }

    private bool IsCached(CreatedApiKey created, TestHost? host = null) =>
        (host ?? _host).Get<ApiKeyCache>().TryGet(created.ApiKey.Id, Now, out _);

    // The part of the key that is shown nowhere after its creation: what follows the prefix, the id and the separator.
    private static string SecretOf(CreatedApiKey created) => created.Key[(ApiKey.Prefix.Length + created.ApiKey.Id.Length + 1)..];

    private async Task<List<ApiKey>> WorkspaceKeysAsync()
    {
        var keys = new List<ApiKey>();
        var query = new ApiKeyQuery();
        do
        {
            var page = await Keys.ListWorkspaceKeysAsync(_workspace, query);
            keys.AddRange(page.Keys);
            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);

        return keys;
    }

    private async Task<List<AuditEntry>> ApiKeyTrailAsync()
    {
        var entries = new List<AuditEntry>();
        var query = new AuditQuery();
        do
        {
            var page = await _host.Get<IAuditLog>().ReadAsync(_workspace, query);
            entries.AddRange(page.Entries.Where(entry => entry.Action is AuditActions.ApiKeyCreated or AuditActions.ApiKeyRevoked));
            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);

        return entries;
    }

    private async Task<(string Workspace, CreatedApiKey Key)> CreateKeyInAnotherWorkspaceAsync()
    {
        var other = await _host.CreateWorkspaceAsync("owner@softr.io");
        await _host.Users.CreateInternalUserAsync(other, "staff", "staff@softr.io", TestHost.Password);
        return (other, await CreateKeyAsync(await LoginAsync("staff", other)));
    }

    // Completes when the host hears of a change of the account (or of everything), as its caches do just before.
    private static Task HeardOfAsync(TestHost host, string workspaceId, string userId)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Get<StoreChangeSignal>().Changed += (_, change) =>
        {
            if (change.WorkspaceId is null || (change.WorkspaceId == workspaceId && (change.UserId is null || change.UserId == userId)))
            {
                heard.TrySetResult();
            }
        };
        return heard.Task;
    }

    private static async Task WithinBoundAsync(Task heard, string what) =>
        (await Task.WhenAny(heard, Task.Delay(NotificationBound))).Should().BeSameAs(heard, $"the other instance must hear of {what}");

    // Keys that differ from a real one in the ways a guess, a typo, a truncated paste or a tampering would.
    private static IEnumerable<(string What, string Key)> Forgeries(CreatedApiKey created, CreatedApiKey other)
    {
        static string Changed(string key, int index) => string.Concat(key.AsSpan(0, index), key[index] == 'A' ? "B" : "A", key.AsSpan(index + 1));
        var key = created.Key;
        var secretStart = key.Length - SecretOf(created).Length;
        yield return ("one character of the secret changed", Changed(key, secretStart + 10));
        yield return ("the last character of the secret changed", Changed(key, key.Length - 1));
        yield return ("one character of the id changed", Changed(key, ApiKey.Prefix.Length + 3));
        yield return ("its id with another key's secret", key[..secretStart] + SecretOf(other));
        yield return ("truncated by one character", key[..^1]);
        yield return ("truncated to its id", key[..secretStart]);
        yield return ("one character too many", key + "A");
        yield return ("another prefix", "xtk_" + key[ApiKey.Prefix.Length..]);
        yield return ("the prefix in capitals", ApiKey.Prefix.ToUpperInvariant() + key[ApiKey.Prefix.Length..]);
        yield return ("without its prefix", key[ApiKey.Prefix.Length..]);
        yield return ("with the scheme still in front", "Bearer " + key);
        yield return ("a trailing line break", key + "\n");
        yield return ("a non-ASCII letter in the secret", string.Concat(key.AsSpan(0, secretStart), "é", key.AsSpan(secretStart + 1)));
        yield return ("the separator changed", string.Concat(key.AsSpan(0, secretStart - 1), "-", key.AsSpan(secretStart)));
        yield return ("empty", string.Empty);
    }

    [Test]
    public async Task ACreatedKey_AuthenticatesAsItsAccount_WithItsRightsAndType_AsAServiceAgent()
    {
        await _host.Users.GrantAsync(_admin, _staff.Id, CreateExternalUsers);
        var owner = await LoginAsync("staff");

        var created = await CreateKeyAsync(owner);
        var user = await AuthenticateAsync(created.Key);
        var again = await AuthenticateAsync(created.Key);

        created.Key.Should().StartWith(ApiKey.Prefix, "so that hosts and secret scanners can tell a UserTypes key");
        created.ApiKey.Should().Be(new ApiKey(created.ApiKey.Id, _staff.Id, "deploy", Now, null));
        created.Key.Should().Contain(created.ApiKey.Id, "the id is the public part of the key");
        user.UserId.Should().Be(_staff.Id);
        user.UserName.Should().Be("staff");
        user.WorkspaceId.Should().Be(_workspace);
        user.UserType.Should().Be(UserType.Internal);
        user.IsImplicitAnonymous.Should().BeFalse();
        user.ApiKeyId.Should().Be(created.ApiKey.Id);
        user.Rights.Grant.Should().Be(owner.Rights.Grant, "a key acts with its account's rights, no more and no fewer");
        user.Rights.Has(FunctionalRights.CreateExternalUsers).Should().BeTrue();
        (user.ToClaimsPrincipal().FindFirst(UserTypesClaimTypes.ApiKeyId)?.Value).Should().Be(created.ApiKey.Id, "a host reads the key's id from the principal");
        again.ApiKeyId.Should().Be(created.ApiKey.Id, "the second call is answered from the cache, alike");
        again.Rights.Grant.Should().Be(owner.Rights.Grant);
    }

    [Test]
    public async Task AnExternalUsersKey_ActsAsAnExternalUser_AndStopsAndStartsWithTheLicence()
    {
        await _host.Users.CreateExternalUserAsync(_admin, "person-1", "partner", "partner@partner.example", TestHost.Password);
        var partner = await LoginAsync("partner");
        var created = await CreateKeyAsync(partner);
        (await AuthenticateAsync(created.Key)).UserType.Should().Be(UserType.External);

        await _host.Workspaces.SetLicenseAsync(_workspace, WorkspaceLicense.None);
        var whileUnlicensed = await RefusedAsync(created.Key, "an external user needs a licence, and the last call was answered from the cache");
        var create = () => CreateKeyAsync(partner, "another");
        var createWhileUnlicensed = (await create.Should().ThrowAsync<AuthenticationFailedException>("a key is made only for an account that may call as a service agent")).Which.Reason;
        await _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { ExternalUsers = true });

        whileUnlicensed.Should().Be(AuthenticationFailureReason.NotLicensed);
        createWhileUnlicensed.Should().Be(AuthenticationFailureReason.NotLicensed);
        (await AuthenticateAsync(created.Key)).UserType.Should().Be(UserType.External, "the key was never revoked");
    }

    [Test]
    public async Task ListAsync_ShowsTheAccountsKeys_WithoutTheSecret_AndNothingPrintsTheKey()
    {
        var first = await CreateKeyAsync(name: "first", expiresAt: Now.AddDays(30));
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await CreateKeyAsync(name: "second");
        var adminKey = await CreateKeyAsync(await LoginAsync("admin"));

        var listed = await Keys.ListAsync(_staffUser);

        listed.Should().Equal([first.ApiKey, second.ApiKey], "oldest first, and another account's keys are not its own");
        (await Keys.ListAsync(await LoginAsync("admin"))).Should().Equal(adminKey.ApiKey);
        foreach (var created in new[] { first, second, adminKey })
        {
            created.ToString().Should().Contain(created.ApiKey.Id).And.NotContain(SecretOf(created), "logging the created key must leak nothing");
            listed.Concat([adminKey.ApiKey]).Should().AllSatisfy(key => key.ToString().Should().NotContain(SecretOf(created)));
        }
    }

    [Test]
    public async Task Revoking_RefusesTheVeryNextCall_ThoughTheLastOneWasAnsweredFromTheCache([Values] bool byTheHost)
    {
        var kept = await CreateKeyAsync(name: "kept");
        var revoked = await CreateKeyAsync(name: "revoked");
        await AuthenticateAsync(kept.Key);
        await AuthenticateAsync(revoked.Key);
        IsCached(revoked).Should().BeTrue("so that only hearing of the revocation keeps the next call from the cache");

        await (byTheHost ? Keys.RevokeWorkspaceKeyAsync(_workspace, revoked.ApiKey.Id) : Keys.RevokeAsync(_staffUser, revoked.ApiKey.Id));

        (await RefusedAsync(revoked.Key, "the key was revoked")).Should().Be(AuthenticationFailureReason.InvalidCredentials);
        await RefusedAsync(revoked.Key, "and stays revoked once read again from the store");
        (await AuthenticateAsync(kept.Key)).ApiKeyId.Should().Be(kept.ApiKey.Id, "revoking one key leaves the account's others alone");
        (await Keys.ListAsync(_staffUser)).Should().Equal(kept.ApiKey);
    }

    [Test]
    public async Task RevokingAKeyTheCallerMayNotRevoke_IsAnArgumentExceptionNamingKeyId_AndLeavesTheKey()
    {
        var staffKey = await CreateKeyAsync();
        var (other, foreign) = await CreateKeyInAnotherWorkspaceAsync();
        var admin = await LoginAsync("admin");
        var attempts = new (string What, Func<Task> Revoke)[]
        {
            ("an unknown id", () => Keys.RevokeAsync(_staffUser, "no-such-key")),
            ("an empty id", () => Keys.RevokeAsync(_staffUser, string.Empty)),
            ("the whole key instead of its id", () => Keys.RevokeAsync(_staffUser, staffKey.Key)),
            ("another account's key", () => Keys.RevokeAsync(admin, staffKey.ApiKey.Id)),
            ("another workspace's key, by its id", () => Keys.RevokeAsync(_staffUser, foreign.ApiKey.Id)),
            ("an unknown id, by the host", () => Keys.RevokeWorkspaceKeyAsync(_workspace, "no-such-key")),
            ("another workspace's key, by the host", () => Keys.RevokeWorkspaceKeyAsync(_workspace, foreign.ApiKey.Id)),
        };

        foreach (var (what, revoke) in attempts)
        {
            (await revoke.Should().ThrowAsync<ArgumentException>(what)).Which.ParamName.Should().Be("keyId", what);
        }

        (await AuthenticateAsync(staffKey.Key)).ApiKeyId.Should().Be(staffKey.ApiKey.Id, "a refused revocation leaves the key working");
        (await AuthenticateAsync(foreign.Key, workspace: other)).ApiKeyId.Should().Be(foreign.ApiKey.Id);
        (await ApiKeyTrailAsync()).Should().NotContain(entry => entry.Action == AuditActions.ApiKeyRevoked, "nothing was revoked");
    }

    [Test]
    public async Task DisablingTheAccount_RefusesTheNextCall_AndTheKeyStaysDead_WhenItIsEnabledAgain()
    {
        var created = await CreateKeyAsync();
        await AuthenticateAsync(created.Key);

        await _host.Users.SetEnabledAsync(_workspace, _staff.Id, enabled: false);
        var whileDisabled = await RefusedAsync(created.Key, "a disabled account may not call, and the last call was answered from the cache");
        await _host.Users.SetEnabledAsync(_workspace, _staff.Id, enabled: true);
        var afterwards = await RefusedAsync(created.Key, "disabling moved the account's stamp, and a key lives no longer than the sessions of its time");

        (whileDisabled, afterwards).Should().Be((AuthenticationFailureReason.AccountDisabled, AuthenticationFailureReason.InvalidCredentials));
        (await _host.Get<IApiKeys>().ListAsync(await LoginAsync("staff"))).Should().BeEmpty("a dead key is not listed");
    }

    [Test]
    public async Task AGrant_IsSeenByTheNextCall_AndARevokedRight_EndsTheKey()
    {
        var created = await CreateKeyAsync();
        var before = await AuthenticateAsync(created.Key);

        await _host.Users.GrantAsync(_admin, _staff.Id, CreateExternalUsers);
        var granted = await AuthenticateAsync(created.Key);
        await _host.Users.RevokeAsync(_admin, _staff.Id, CreateExternalUsers);

        before.Rights.Has(FunctionalRights.CreateExternalUsers).Should().BeFalse();
        granted.Rights.Has(FunctionalRights.CreateExternalUsers).Should().BeTrue("the grant changed the account, so the cached call is read again");
        (await RefusedAsync(created.Key, "a revocation ends the account's sessions, and its keys with them")).Should().Be(AuthenticationFailureReason.InvalidCredentials);
    }

    [Test]
    public async Task DeletingTheAccount_RefusesItsKeys_WhichGoWithIt()
    {
        var created = await CreateKeyAsync();
        var adminKey = await CreateKeyAsync(await LoginAsync("admin"));
        await AuthenticateAsync(created.Key);

        await _host.Users.DeleteAsync(_workspace, _staff.Id);

        await RefusedAsync(created.Key, "the account is gone, and the last call was answered from the cache");
        (await WorkspaceKeysAsync()).Should().Equal([adminKey.ApiKey], "the account's keys went with it");
    }

    [Test]
    public async Task AKeyRevokedOnOneInstance_IsRefusedOnAnother_AsSoonAsItHearsOfIt()
    {
        if (Store == StoreKind.InMemory)
        {
            Assert.Ignore("In memory there is no second instance on the same data; the in-process case is the revocation test above.");
        }

        using var second = NewHost(Configure, shareStoresWith: _host);
        // The second instance starts watching on its first read: from then on it hears of every change.
        await second.Users.FindByIdAsync(_workspace, _staff.Id);
        var creationHeard = HeardOfAsync(second, _workspace, _staff.Id);
        var created = await CreateKeyAsync();
        await WithinBoundAsync(creationHeard, "the new key");
        (await AuthenticateAsync(created.Key, second)).ApiKeyId.Should().Be(created.ApiKey.Id);
        await AuthenticateAsync(created.Key, second);
        IsCached(created, second).Should().BeTrue("the second instance answers from its cache until it hears otherwise");
        var revocationHeard = HeardOfAsync(second, _workspace, _staff.Id);

        await Keys.RevokeAsync(_staffUser, created.ApiKey.Id);
        await WithinBoundAsync(revocationHeard, "the revocation");

        await RefusedAsync(created.Key, "the second instance heard of the revocation", second);
        await RefusedAsync(created.Key, "and never serves the key again", second);
    }

    [Test]
    public async Task AForgedKey_IsRefused_WhetherOrNotTheRealOneIsCached()
    {
        var created = await CreateKeyAsync();
        var other = await CreateKeyAsync(name: "other");

        foreach (var (what, forged) in Forgeries(created, other))
        {
            await RefusedAsync(forged, $"a key with {what} is not the key, read from the store");
        }

        await AuthenticateAsync(created.Key);
        foreach (var (what, forged) in Forgeries(created, other))
        {
            await RefusedAsync(forged, $"a key with {what} is not the key, with the real one cached");
        }

        (await AuthenticateAsync(created.Key)).ApiKeyId.Should().Be(created.ApiKey.Id, "no forgery displaced the real key");
        (await AuthenticateAsync(other.Key)).ApiKeyId.Should().Be(other.ApiKey.Id);
    }

    [Test]
    public async Task AKeyOfAnotherWorkspace_IsRefused_WhetherOrNotItIsCached()
    {
        var (other, foreign) = await CreateKeyInAnotherWorkspaceAsync();

        await RefusedAsync(foreign.Key, "a key is good only in its own workspace, read from the store");
        (await AuthenticateAsync(foreign.Key, workspace: other)).WorkspaceId.Should().Be(other);
        await RefusedAsync(foreign.Key, "a key is good only in its own workspace, with the key cached");
        await RefusedAsync(foreign.Key, "nor in a workspace that does not exist", workspace: "no-such-workspace");
        (await AuthenticateAsync(foreign.Key, workspace: other)).WorkspaceId.Should().Be(other, "the refusals changed nothing for its own workspace");
    }

    [Test]
    public async Task ANullKey_OrAnInvalidWorkspaceId_IsAnArgumentException()
    {
        var created = await CreateKeyAsync();
        var authenticator = _host.Authenticator;

        await FluentActions.Awaiting(async () => await authenticator.AuthenticateApiKeyAsync(_workspace, null!))
            .Should().ThrowAsync<ArgumentNullException>().WithParameterName("apiKey");
        await FluentActions.Awaiting(async () => await authenticator.AuthenticateApiKeyAsync(null!, created.Key))
            .Should().ThrowAsync<ArgumentNullException>().WithParameterName("workspaceId");
        foreach (var workspace in new[] { string.Empty, "   ", "ws\n1", new string('w', 129) })
        {
            await FluentActions.Awaiting(async () => await authenticator.AuthenticateApiKeyAsync(workspace, created.Key))
                .Should().ThrowAsync<ArgumentException>($"'{workspace}' is no workspace id").WithParameterName("workspaceId");
        }
    }

    [Test]
    public async Task AnExpiredKey_IsRefused_FromItsExpiry_EvenWhileCached()
    {
        var created = await CreateKeyAsync(expiresAt: Now.AddSeconds(30));
        await AuthenticateAsync(created.Key);

        _host.Clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        var justBefore = await AuthenticateAsync(created.Key);
        _host.Clock.Advance(TimeSpan.FromTicks(1));
        var cachedAtExpiry = IsCached(created);
        var atExpiry = await RefusedAsync(created.Key, "the key expires at its expiry, though the cache still holds it");
        _host.Clock.Advance(TimeSpan.FromHours(1));

        justBefore.ApiKeyId.Should().Be(created.ApiKey.Id);
        cachedAtExpiry.Should().BeTrue("this checks the cached path");
        atExpiry.Should().Be(AuthenticationFailureReason.InvalidCredentials);
        await RefusedAsync(created.Key, "read again from the store, it is still expired");
        (await Keys.ListAsync(_staffUser)).Should().Equal([created.ApiKey], "an expired key is listed until it is purged");
    }

    [Test]
    public async Task CreateAsync_WithAnInvalidNameOrExpiry_IsAnArgumentExceptionNamingIt_AndWritesNothing()
    {
        var invalid = new (string What, string Name, DateTimeOffset? ExpiresAt, string Parameter)[]
        {
            ("no name", null!, null, "name"),
            ("an empty name", string.Empty, null, "name"),
            ("a blank name", "   ", null, "name"),
            ("a name of 101 characters", new string('n', 101), null, "name"),
            ("a line break in the name", "deploy\nprod", null, "name"),
            ("a NUL in the name", "deploy\0", null, "name"),
            ("an escape sequence in the name", "\u001b[31mdeploy", null, "name"),
            ("a DEL in the name", "deploy\u007f", null, "name"),
            ("a C1 control character in the name", "deploy\u0085", null, "name"),
            ("an expiry that is now", "deploy", Now, "expiresAt"),
            ("an expiry in the past", "deploy", Now.AddDays(-1), "expiresAt"),
        };

        foreach (var (what, name, expiresAt, parameter) in invalid)
        {
            var create = () => CreateKeyAsync(name: name, expiresAt: expiresAt);
            await create.Should().ThrowAsync<ArgumentException>(what).WithParameterName(parameter, what);
        }

        (await WorkspaceKeysAsync()).Should().BeEmpty("no invalid key was written");
        (await ApiKeyTrailAsync()).Should().BeEmpty();
        var longest = await CreateKeyAsync(name: new string('n', 100), expiresAt: Now.AddTicks(1));
        longest.ApiKey.Name.Should().HaveLength(100, "100 characters are allowed, and an expiry a tick away is in the future");
    }

    [Test]
    public async Task AUserAuthenticatedByAKey_CannotCreateKeys_EvenReadBackFromItsPrincipal()
    {
        var created = await CreateKeyAsync();
        var keyUser = await AuthenticateAsync(created.Key);
        var readBack = AuthenticatedUser.FromPrincipal(keyUser.ToClaimsPrincipal())!;

        foreach (var (what, user) in new[] { ("the key's user", keyUser), ("the key's user read back from its claims", readBack) })
        {
            var create = () => CreateKeyAsync(user, "minted by a key");
            await create.Should().ThrowAsync<AccessDeniedException>($"{what}: a leaked key must not outlive its revocation through keys it made");
        }

        (await WorkspaceKeysAsync()).Should().Equal(created.ApiKey);
    }

    [Test]
    public async Task TheImplicitAnonymousUser_IsAnArgumentException_AndTheAnonymousAccount_IsDenied()
    {
        var rights = _host.Get<RightsPolicy>().Evaluate(UserType.Anonymous, new RightsGrant());
        var implicitAnonymous = new AuthenticatedUser(_staff with { UserType = UserType.Anonymous }, rights, isImplicitAnonymous: true);
        await _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { ExternalUsers = true, AnonymousUsers = true });
        await _host.Users.SetAnonymousUserAsync(_workspace, "anonymous", TestHost.Password);
        var anonymousAccount = await LoginAsync("anonymous");
        var calls = new (string What, Func<Task> Call)[]
        {
            ("CreateAsync", () => Keys.CreateAsync(implicitAnonymous, "deploy")),
            ("ListAsync", () => Keys.ListAsync(implicitAnonymous)),
            ("RevokeAsync", () => Keys.RevokeAsync(implicitAnonymous, "some-key")),
        };

        foreach (var (what, call) in calls)
        {
            await call.Should().ThrowAsync<ArgumentException>($"{what}: the implicit anonymous user stands in for calls without credentials").WithParameterName("user");
        }

        var create = () => CreateKeyAsync(anonymousAccount);
        await create.Should().ThrowAsync<AccessDeniedException>("the anonymous account is what every call without credentials acts as");
        await FluentActions.Awaiting(() => Keys.CreateAsync(null!, "deploy")).Should().ThrowAsync<ArgumentNullException>().WithParameterName("user");
        (await WorkspaceKeysAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task MoreKeysThanTheLimit_AreDenied_UntilOneIsRevokedOrExpires()
    {
        await CreateKeyAsync(name: "expiring", expiresAt: Now.AddHours(1));
        var revoked = await CreateKeyAsync(name: "revoked");
        await CreateKeyAsync(name: "kept");
        var overLimit = () => CreateKeyAsync(name: "one too many");

        await overLimit.Should().ThrowAsync<AccessDeniedException>($"the account holds {MaxPerAccount} keys");
        (await CreateKeyAsync(await LoginAsync("admin"))).ApiKey.UserId.Should().Be(_admin.UserId, "the limit is per account");
        await Keys.RevokeAsync(_staffUser, revoked.ApiKey.Id);
        await CreateKeyAsync(name: "instead of the revoked");
        await overLimit.Should().ThrowAsync<AccessDeniedException>("full again");
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await CreateKeyAsync(name: "instead of the expired");

        (await Keys.ListAsync(_staffUser)).Select(key => key.Name).Should().BeEquivalentTo(["kept", "instead of the revoked", "instead of the expired"], "the expired key was purged");
    }

    [Test]
    public async Task KeysCreatedAtOnce_NeverOverrunTheLimit()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run<ApiKey?>(async () =>
        {
            try
            {
                return (await CreateKeyAsync(name: $"key {i}")).ApiKey;
            }
            catch (AccessDeniedException)
            {
                return null;
            }
        })));

        var created = attempts.OfType<ApiKey>().ToList();
        created.Should().HaveCount(MaxPerAccount);
        (await Keys.ListAsync(_staffUser)).Should().BeEquivalentTo(created);
        (await ApiKeyTrailAsync()).Should().HaveCount(MaxPerAccount, "one entry per key created, none for the refused");
    }

    [Test]
    public async Task AUserWhoseAccountChangedSinceLogin_CannotCreateAKey()
    {
        var changes = new (string What, Func<AuthenticatedUser, Task> Change)[]
        {
            ("its sessions revoked", user => _host.Users.RevokeSessionsAsync(_workspace, user.UserId)),
            ("its password changed", user => _host.Users.ChangePasswordAsync(user, TestHost.Password, "a brand new passphrase")),
            ("the account disabled", user => _host.Users.SetEnabledAsync(_workspace, user.UserId, enabled: false)),
            ("the account deleted", user => _host.Users.DeleteAsync(_workspace, user.UserId)),
        };

        for (var i = 0; i < changes.Length; i++)
        {
            await _host.Users.CreateInternalUserAsync(_workspace, $"agent-{i}", $"agent-{i}@softr.io", TestHost.Password);
            var user = await LoginAsync($"agent-{i}");
            await changes[i].Change(user);

            var create = () => CreateKeyAsync(user);

            await create.Should().ThrowAsync<AuthenticationFailedException>($"with {changes[i].What}, a key must not outlive what the login proved");
        }

        (await WorkspaceKeysAsync()).Should().BeEmpty();
        (await ApiKeyTrailAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task TheTrail_RecordsEachKeyCreatedAndRevoked_WithActorAndSubject_AndNeverTheKey()
    {
        var own = await CreateKeyAsync(name: "own");
        await Keys.RevokeAsync(_staffUser, own.ApiKey.Id);
        var byHost = await CreateKeyAsync(name: "by the host");
        await Keys.RevokeWorkspaceKeyAsync(_workspace, byHost.ApiKey.Id);

        var trail = await ApiKeyTrailAsync();

        trail.Select(entry => (entry.Action, entry.ActorUserId, entry.SubjectUserId)).Should().Equal(
            (AuditActions.ApiKeyCreated, _staff.Id, _staff.Id),
            (AuditActions.ApiKeyRevoked, _staff.Id, _staff.Id),
            (AuditActions.ApiKeyCreated, _staff.Id, _staff.Id),
            (AuditActions.ApiKeyRevoked, HostAdmin, _staff.Id));
        trail.Select(entry => entry.Summary.Contains(own.ApiKey.Id, StringComparison.Ordinal)).Should().Equal(true, true, false, false);
        foreach (var created in new[] { own, byHost })
        {
            trail.Should().AllSatisfy(entry => entry.Summary.Should().NotContain(SecretOf(created), "the trail is read by people who must never see a key"));
        }
    }

    [Test]
    public async Task ListWorkspaceKeysAsync_PagesWithContinuationTokens_EveryKeyOnce_InOrder([Values] bool atOneInstant)
    {
        var admin = await LoginAsync("admin");
        var created = new List<ApiKey>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await CreateKeyAsync(i % 2 == 0 ? _staffUser : admin, $"key {i}")).ApiKey);
            if (!atOneInstant)
            {
                _host.Clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        // Keys made at one instant are in the order of their ids, compared by code point, so pages must break ties alike.
        var expected = atOneInstant ? [.. created.OrderBy(key => key.Id, StringComparer.Ordinal)] : created;

        var pages = new List<ApiKeyPage>();
        var query = new ApiKeyQuery { PageSize = 2 };
        do
        {
            pages.Add(await Keys.ListWorkspaceKeysAsync(_workspace, query));
            query = query with { ContinuationToken = pages[^1].ContinuationToken };
        }
        while (query.ContinuationToken is not null && pages.Count < 10);

        pages.Select(page => page.Keys.Count).Should().Equal(2, 2, 1);
        pages.SelectMany(page => page.Keys).Should().Equal(expected, "every account's keys, each once, oldest first");
    }

    [Test]
    public async Task ListWorkspaceKeysAsync_RefusesAnInvalidQuery_NamingIt()
    {
        await CreateKeyAsync(name: "first");
        await CreateKeyAsync(name: "second");
        var (other, _) = await CreateKeyInAnotherWorkspaceAsync();
        var token = (await Keys.ListWorkspaceKeysAsync(_workspace, new ApiKeyQuery { PageSize = 1 })).ContinuationToken!;
        var queries = new (string What, string Workspace, ApiKeyQuery Query)[]
        {
            ("a page size of 0", _workspace, new ApiKeyQuery { PageSize = 0 }),
            ("a page size of 1001", _workspace, new ApiKeyQuery { PageSize = 1001 }),
            ("a token made for another page size", _workspace, new ApiKeyQuery { PageSize = 2, ContinuationToken = token }),
            ("a token made for another workspace", other, new ApiKeyQuery { PageSize = 1, ContinuationToken = token }),
            ("a token that is no token", _workspace, new ApiKeyQuery { PageSize = 1, ContinuationToken = "not-a-token" }),
        };

        foreach (var (what, workspace, query) in queries)
        {
            await FluentActions.Awaiting(() => Keys.ListWorkspaceKeysAsync(workspace, query))
                .Should().ThrowAsync<ArgumentException>(what).WithParameterName("query", what);
        }

        await FluentActions.Awaiting(() => Keys.ListWorkspaceKeysAsync("no-such-workspace", new ApiKeyQuery())).Should().ThrowAsync<WorkspaceNotFoundException>();
    }

    [Test]
    public async Task ListWorkspaceKeysAsync_RefusesATokenTamperedToAPositionNoInstantHas_NamingTheQuery()
    {
        await CreateKeyAsync(name: "first");
        await CreateKeyAsync(name: "second");
        var token = (await Keys.ListWorkspaceKeysAsync(_workspace, new ApiKeyQuery { PageSize = 1 })).ContinuationToken!;
        var tampered = new ApiKeyQuery { PageSize = 1, ContinuationToken = Tampered(token, long.MaxValue) };

        // A host answers a bad query with its parameter's name (a 400 naming the field), as for any other bad token.
        await FluentActions.Awaiting(() => Keys.ListWorkspaceKeysAsync(_workspace, tampered))
            .Should().ThrowAsync<ArgumentException>("the token is the caller's to send back, tampered or not").WithParameterName("query");
    }

    // The token with the number of its position (a creation time's ticks) replaced, as a client could do: the token is
    // opaque, but not sealed.
    private static string Tampered(string token, long position)
    {
        var json = JsonNode.Parse(Base64Url.DecodeFromChars(token))!.AsObject();
        json["Name"] = position.ToString(CultureInfo.InvariantCulture);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
    }
}
