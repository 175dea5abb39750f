using Microsoft.Extensions.DependencyInjection;

namespace UserTypes.Tests.Stores;

/// <summary>
/// A database made by schema version 6, with entries in its trail, opened by today's store: SQLite's version 7 moves
/// the trail into its write log, PostgreSQL's changes its indexes; either way no entry is lost, each keeps its sequence,
/// and entries written afterwards come later.
/// </summary>
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.PostgreSql)]
public sealed class AuditTrailMigrationTests(StoreKind kind)
{
    private static readonly string[] Subjects = ["first", "second", "third"];

    private TestDatabase _database = null!;

    [SetUp]
    public void SetUp()
    {
        _database = TestDatabase.Create(kind);
        var migrations = kind == StoreKind.Sqlite
            ? new SqliteDialect(_database.ConnectionString!, TimeProvider.System).Migrations
            : new PostgreSqlDialect(_database.ConnectionString!).Migrations;
        _database.Execute("CREATE TABLE usertypes_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
        for (var version = 1; version <= 6; version++)
        {
            _database.Execute(migrations[version - 1]);
            _database.Execute($"INSERT INTO usertypes_migrations VALUES ({version}, 0)");
        }

        var no = kind == StoreKind.Sqlite ? "0" : "false";
        _database.Execute($"INSERT INTO usertypes_workspaces (id, version, license_external_users, license_anonymous_users, classified_version) VALUES ('ws', 1, {no}, {no}, 0)");
        _database.Execute($"INSERT INTO usertypes_workspaces (id, version, license_external_users, license_anonymous_users, classified_version) VALUES ('other', 1, {no}, {no}, 0)");
        foreach (var (subject, i) in Subjects.Select((s, i) => (s, i)))
        {
            // Another workspace's entry between each of this one's: the move keeps them apart.
            _database.Execute(
                "INSERT INTO usertypes_audit (workspace_id, at, actor_user_id, action, subject_user_id, summary) " +
                $"VALUES ('ws', {i + 1}, 'admin', '{AuditActions.UserDisabled}', '{subject}', 'Account {subject} disabled.'), " +
                $"('other', {i + 1}, NULL, '{AuditActions.UserEnabled}', 'elsewhere', 'Account elsewhere enabled.')");
        }
    }

    [TearDown]
    public void TearDown() => _database?.Dispose();

    [Test]
    public async Task TheEntriesOfVersion6_AreReadInOrder_AndNewEntriesFollowThem()
    {
        var services = new ServiceCollection();
        _database.Use(services.AddUserTypes(o => o.Mail.Enabled = false));
        await using var provider = services.BuildServiceProvider();
        var trail = provider.GetRequiredService<IAuditLog>();

        var moved = (await trail.ReadAsync("ws", new AuditQuery())).Entries;
        await provider.GetRequiredService<IWorkspaceDirectory>().AddSignupDomainAsync("ws", "company.example");
        var all = (await trail.ReadAsync("ws", new AuditQuery())).Entries;
        var ofSecond = (await trail.ReadAsync("ws", new AuditQuery { SubjectUserId = "second" })).Entries;

        moved.Select(e => e.SubjectUserId).Should().Equal(Subjects);
        moved.Should().AllSatisfy(e =>
        {
            e.WorkspaceId.Should().Be("ws");
            e.ActorUserId.Should().Be("admin");
            e.Action.Should().Be(AuditActions.UserDisabled);
            e.Summary.Should().Be($"Account {e.SubjectUserId} disabled.");
        });
        moved.Select(e => e.At.UtcTicks).Should().Equal(1, 2, 3);
        moved.Select(e => e.Sequence).Should().Equal([1L, 3L, 5L], "a reader's continuation from before the move still points where it did");
        all.Should().HaveCount(4);
        all[3].Action.Should().Be(AuditActions.SignupDomainAdded);
        all.Select(e => e.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        ofSecond.Should().ContainSingle().Which.Should().Be(moved[1]);
    }

    [Test]
    public async Task ATrailEmptiedByItsRetention_GoesOnAboveTheSequencesItGave()
    {
        _database.Execute("DELETE FROM usertypes_audit");
        var services = new ServiceCollection();
        _database.Use(services.AddUserTypes(o => o.Mail.Enabled = false));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IWorkspaceDirectory>().AddSignupDomainAsync("ws", "company.example");
        var first = (await provider.GetRequiredService<IAuditLog>().ReadAsync("ws", new AuditQuery())).Entries;

        first.Should().ContainSingle().Which.Sequence.Should().BeGreaterThan(6, "a reader's continuation from before the purge must not skip it");
    }
}
