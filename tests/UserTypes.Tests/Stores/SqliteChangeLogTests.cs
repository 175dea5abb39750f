using System.Collections.Concurrent;

namespace UserTypes.Tests.Stores;

/// <summary>
/// SQLite keeps the audit trail in its write log beside the change notices: the poller raises only the rows that tell
/// someone, prunes only notices older than five minutes (never entries), and a poller that read nothing for minutes
/// drops every cached workspace, since notices it missed may be gone without a gap in the keys.
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
        var old = host.Clock.GetUtcNow().AddMinutes(-6).UtcTicks;
        var now = host.Clock.GetUtcNow().UtcTicks;
        int Notices(string user) => (int)host.Database.Count($"SELECT COUNT(*) FROM usertypes_log WHERE action IS NULL AND user_id = '{user}'");

        // As other processes would write them: a notice six minutes old, an entry as old about an account that tells no
        // one, and a notice of now.
        host.Database.Execute(
            "INSERT INTO usertypes_log (workspace_id, at, actor_user_id, action, subject_user_id, summary, user_id, instance) VALUES " +
            $"('{workspace}', {old}, NULL, NULL, NULL, NULL, 'told', 'another-instance'), " +
            $"('{workspace}', {old}, 'admin', '{AuditActions.UserDisabled}', 'untold', 'Account untold disabled.', 'untold', NULL), " +
            $"('{workspace}', {now}, NULL, NULL, NULL, NULL, 'recent', 'another-instance')");
        await Until(() => Notices("told") == 0, "the poller reads new rows every 250 ms, then prunes notices older than five minutes");

        var trail = (await host.Get<IAuditLog>().ReadAsync(workspace, new AuditQuery { SubjectUserId = "untold" })).Entries;

        raised.Should().Contain(["told", "recent"]).And.NotContain("untold");
        Notices("recent").Should().Be(1, "a notice of now stays for other processes to read");
        trail.Should().ContainSingle().Which.Summary.Should().Be("Account untold disabled.");
        host.Database.Count("SELECT through FROM usertypes_log_pruned").Should().Be(
            host.Database.Count("SELECT seq FROM usertypes_log WHERE subject_user_id = 'untold'"), "the shared watermark stops at the newest old row");
    }

    [Test]
    public async Task APollerThatReadNothingForMinutes_DropsEveryCachedWorkspace()
    {
        using var host = new TestHost(store: StoreKind.Sqlite);
        await host.CreateWorkspaceAsync("owner@softr.io");
        var everything = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Get<StoreChangeSignal>().Changed += (_, change) =>
        {
            if (change.WorkspaceId is null)
            {
                everything.TrySetResult();
            }
        };

        // Three minutes between two polls, as a frozen process would see them.
        host.Clock.Advance(TimeSpan.FromMinutes(3));

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
