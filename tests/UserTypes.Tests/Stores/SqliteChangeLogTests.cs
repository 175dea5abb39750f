using System.Collections.Concurrent;

namespace UserTypes.Tests.Stores;

/// <summary>
/// SQLite keeps the audit trail in its change log: the poller raises only the rows that tell someone, and prunes only
/// the notices it read five minutes ago or more, never the entries.
/// </summary>
public sealed class SqliteChangeLogTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task ThePoller_RaisesNotices_SkipsEntriesThatTellNoOne_AndPrunesOnlyNoticesItReadFiveMinutesAgo()
    {
        using var host = new TestHost(store: StoreKind.Sqlite);
        var workspace = await host.CreateWorkspaceAsync("owner@softr.io");
        var raised = new ConcurrentQueue<string?>();
        host.Get<StoreChangeSignal>().Changed += (_, change) => raised.Enqueue(change.UserId);
        void Log(string row) => host.Database.Execute(
            $"INSERT INTO usertypes_changes (workspace_id, at, actor_user_id, action, subject_user_id, summary, user_id, instance) VALUES {row}");
        int Notices(string user) => (int)host.Database.Count($"SELECT COUNT(*) FROM usertypes_changes WHERE action IS NULL AND user_id = '{user}'");

        // As another process would write them: a notice for one account, and an entry about another that tells no one
        // (the empty instance).
        Log($"('{workspace}', 0, NULL, NULL, NULL, NULL, 'told', 'another-instance'), " +
            $"('{workspace}', 0, 'admin', '{AuditActions.UserDisabled}', 'untold', 'Account untold disabled.', 'untold', '')");
        await Until(() => raised.Contains("told"), "the poller reads new rows every 250 ms");

        // Six minutes on, a later notice makes the poller read again, and prune what it read before.
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        Log($"('{workspace}', 0, NULL, NULL, NULL, NULL, 'later', 'another-instance')");
        await Until(() => Notices("told") == 0, "a notice read more than five minutes ago goes");

        var trail = (await host.Get<IAuditLog>().ReadAsync(workspace, new AuditQuery { SubjectUserId = "untold" })).Entries;

        raised.Should().Contain("later").And.NotContain("untold");
        Notices("later").Should().Be(1, "a notice read just now stays for other processes to read");
        trail.Should().ContainSingle().Which.Summary.Should().Be("Account untold disabled.");
    }

    private static async Task Until(Func<bool> done, string because)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!done())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, because);
            await Task.Delay(50);
        }
    }
}
