using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace UserTypes.Tests.Stores;

/// <summary>
/// A database made by schema version 1 opened by today's store: the migrations run once, and nothing the old schema
/// held is lost (locks and failure counts move into the login-attempt records).
/// </summary>
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.PostgreSql)]
public sealed class SchemaMigrationTests(StoreKind kind)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private TestDatabase _database = null!;

    [SetUp]
    public void SetUp()
    {
        _database = TestDatabase.Create(kind);
        var version1 = kind == StoreKind.Sqlite
            ? new SqliteDialect(_database.ConnectionString!, TimeProvider.System).Migrations[0]
            : new PostgreSqlDialect(_database.ConnectionString!).Migrations[0];
        _database.Execute(version1);
        _database.Execute("CREATE TABLE usertypes_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL); INSERT INTO usertypes_migrations VALUES (1, 0)");
        _database.Execute(
            "INSERT INTO usertypes_workspaces (id, version, license_external_users, license_anonymous_users, classified_version, internal_seats) " +
            $"VALUES ('ws', 1, {False}, {False}, 0, 3)");
        var hash = new PasswordHasher(new HashingGate(Microsoft.Extensions.Options.Options.Create(new UserTypesOptions())), Microsoft.Extensions.Options.Options.Create(new UserTypesOptions { Password = { WorkFactor = 4 } }))
            .Hash(TestHost.Password)["$nfkc".Length..];
        // Version 1 reset the count when it locked and left lockout_end behind once the lock was over, so "guessed"
        // (locked a day ago, four wrong passwords since) still counts four failures towards its next lock.
        var accounts = new[]
        {
            ("locked", 0, Ticks(Now.AddMinutes(10))),
            ("counted", 3, "NULL"),
            ("guessed", 4, Ticks(Now.AddDays(-1))),
        };
        foreach (var (name, failures, lockoutEnd) in accounts)
        {
            // A version-1 hash: BCrypt over the password as typed, without the $nfkc mark.
            _database.Execute(
                "INSERT INTO usertypes_users (id, workspace_id, user_name, normalized_user_name, email, email_confirmed, user_type, user_type_source, person_id, enabled, " +
                "rights, access_failed_count, lockout_end, created_at, version, password_hash, security_stamp, administrator) " +
                $"VALUES ('id-{name}', 'ws', '{name}', '{UserAccount.NormalizeUserName(name)}', '{name}@softr.io', {True}, 0, 1, NULL, {True}, " +
                $"'{{\"Functional\":[],\"Data\":{{}}}}', {failures}, {lockoutEnd}, 0, 1, '{hash}', 'stamp-{name}', {False})");
        }
    }

    [TearDown]
    public void TearDown() => _database?.Dispose();

    private static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string True => kind == StoreKind.Sqlite ? "1" : "true";

    private string False => kind == StoreKind.Sqlite ? "0" : "false";

    private ServiceProvider Today()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        var builder = services.AddUserTypes(o =>
        {
            o.Mail.Enabled = false;
            o.Password.WorkFactor = 4;
        });
        _database.Use(builder);
        return services.BuildServiceProvider();
    }

    [Test]
    public async Task AVersion1Database_KeepsItsLocksCountsAndPasswords()
    {
        await using var provider = Today();
        var users = provider.GetRequiredService<IUserDirectory>();
        var authenticator = provider.GetRequiredService<IAuthenticator>();
        Task<AuthenticationFailureReason?> Login(string userName, string password) => LoginOutcome.OfAsync(authenticator, "ws", userName, password);

        var locked = await users.FindByIdAsync("ws", "id-locked");
        var counted = await users.FindByIdAsync("ws", "id-counted");
        var lockedLogin = await Login("locked", TestHost.Password);
        var twoMore = new[] { await Login("counted", "wrong password"), await Login("counted", "wrong password") };
        var countedLogin = await Login("counted", TestHost.Password);
        await users.UnlockAsync("ws", "id-counted");
        var afterUnlock = await Login("counted", TestHost.Password);

        locked!.LockoutEnd.Should().Be(Now.AddMinutes(10));
        counted!.AccessFailedCount.Should().Be(3);
        lockedLogin.Should().Be(AuthenticationFailureReason.LockedOut);
        twoMore.Should().Equal(AuthenticationFailureReason.InvalidCredentials, AuthenticationFailureReason.InvalidCredentials);
        countedLogin.Should().Be(AuthenticationFailureReason.LockedOut, "three carried failures and two new ones lock");
        afterUnlock.Should().BeNull("the version-1 hash still verifies");
        _database.Count("SELECT COUNT(*) FROM usertypes_migrations").Should().Be(7, "every migration up to the audit trail's move ran");
        _database.Count("SELECT COUNT(*) FROM usertypes_users WHERE password_hash LIKE '$nfkc%'").Should().Be(1, "the login renewed the old hash");
    }

    [Test]
    public async Task ADatabaseMigratedByANewerVersion_IsRefused_AndLeftAsItIs()
    {
        _database.Execute("INSERT INTO usertypes_migrations VALUES (99, 0)");
        await using var provider = Today();

        var opening = () => provider.GetRequiredService<IUserDirectory>().FindByIdAsync("ws", "id-locked");

        (await opening.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*version 99, newer than this version of UserTypes knows*");
        _database.Count("SELECT COUNT(*) FROM usertypes_migrations").Should().Be(2, "no migration ran");
    }

    [Test]
    public async Task FailuresCountedAfterAnExpiredVersion1Lock_StillCountTowardsTheNextLock()
    {
        await using var provider = Today();
        var authenticator = provider.GetRequiredService<IAuthenticator>();

        var guessed = await provider.GetRequiredService<IUserDirectory>().FindByIdAsync("ws", "id-guessed");
        var fifth = await LoginOutcome.OfAsync(authenticator, "ws", "guessed", "wrong password");
        var sixth = await LoginOutcome.OfAsync(authenticator, "ws", "guessed", TestHost.Password);

        guessed!.AccessFailedCount.Should().Be(4, "version 1 held four failures for this account");
        guessed.LockoutEnd.Should().BeNull("its lock ended a day ago");
        fifth.Should().Be(AuthenticationFailureReason.InvalidCredentials);
        sixth.Should().Be(AuthenticationFailureReason.LockedOut, "four carried failures and one new one lock, as they did in version 1");
    }
}
