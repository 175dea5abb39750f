using System.Collections.Concurrent;

namespace UserTypes.Tests.Stores;

/// <summary>
/// SQLite keeps the audit trail in its write log beside the change notices: the poller raises only the rows that tell
/// someone, prunes only notices older than five minutes (never entries), and a poller the shared watermark has passed
/// drops every cached workspace, since notices it never read may be gone without a gap in the keys.
/// </summary>
public sealed class SqliteChangeLogTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task ThePoller_RaisesNotices_SkipsEntriesThatTellNoOne_AndPrunesOnlyOldNotices()
    {
        using var host = new TestHost(store: StoreKind.Sqlite);
        var workspace = await host.CreateWorkspaceAsync("owner@softr.io");
        var raised = new ConcurrentQueue<string?>();
        host.Get<StoreChangeSignal>().Changed += (_, change) => raised.Enqueue(change.UserId);
        var start = host.Clock.GetUtcNow();
        int Notices(string user) => (int)host.Database.Count($"SELECT COUNT(*) FROM usertypes_log WHERE action IS NULL AND user_id = '{user}'");

        // As other processes would write them: a notice stamped by a clock a year ahead (which must not hold pruning back
        // for a year), a notice, an entry about an account that tells no one, and a notice stamped by a clock four
        // minutes ahead. Six minutes on, all but the last are old.
        host.Database.Execute(
            "INSERT INTO usertypes_log (workspace_id, at, actor_user_id, action, subject_user_id, summary, user_id, instance) VALUES " +
            $"('{workspace}', {start.AddYears(1).UtcTicks}, NULL, NULL, NULL, NULL, 'far-ahead', 'another-instance'), " +
            $"('{workspace}', {start.UtcTicks}, NULL, NULL, NULL, NULL, 'told', 'another-instance'), " +
            $"('{workspace}', {start.UtcTicks}, 'admin', '{AuditActions.UserDisabled}', 'untold', 'Account untold disabled.', 'untold', NULL), " +
            $"('{workspace}', {start.AddMinutes(4).UtcTicks}, NULL, NULL, NULL, NULL, 'recent', 'another-instance')");
        await Until(() => raised.Contains("recent"), "the poller reads new rows every 250 ms");
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        await Until(() => Notices("told") == 0 && Notices("far-ahead") == 0, "a prune every 30 seconds removes notices older than five minutes");

        var trail = (await host.Get<IAuditLog>().ReadAsync(workspace, new AuditQuery { SubjectUserId = "untold" })).Entries;

        raised.Should().Contain("told").And.NotContain("untold");
        Notices("recent").Should().Be(1, "a notice younger than five minutes stays for other processes to read");
        trail.Should().ContainSingle().Which.Summary.Should().Be("Account untold disabled.");
        host.Database.Count("SELECT through FROM usertypes_log_pruned").Should().Be(
            host.Database.Count("SELECT seq FROM usertypes_log WHERE user_id = 'recent'") - 1, "the shared watermark stops before the first row not yet old");
    }

    [Test]
    public async Task APollerBehindTheWatermark_DropsEveryCachedWorkspace()
    {
        using var host = new TestHost(store: StoreKind.Sqlite);
        var workspace = await host.CreateWorkspaceAsync("owner@softr.io");
        var everything = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Get<StoreChangeSignal>().Changed += (_, change) =>
        {
            if (change.WorkspaceId is null)
            {
                everything.TrySetResult();
            }
        };

        // Another process pruned through a row before this poller read it: the notices among the kept entries it read
        // may be gone without a gap in the keys.
        host.Database.Execute(
            "BEGIN IMMEDIATE; " +
            "UPDATE usertypes_log_pruned SET through = (SELECT seq FROM sqlite_sequence WHERE name = 'usertypes_log') + 1; " +
            "INSERT INTO usertypes_log (workspace_id, at, actor_user_id, action, subject_user_id, summary, user_id, instance) " +
            $"VALUES ('{workspace}', 0, 'admin', '{AuditActions.UserDisabled}', 'someone', 'Account someone disabled.', NULL, NULL); " +
            "COMMIT");

        await everything.Task.WaitAsync(Patience);
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
