using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace UserTypes.Tests.Stores;

/// <summary>
/// Two host instances on one database while the change watcher fails: a PostgreSQL server restarted under them, a
/// SQLite file the poller cannot read. A change made right after the fault must still reach the other instance
/// within the usual bound, whatever it read and cached while the watcher was down.
/// </summary>
[NonParallelizable]
public sealed class WatcherFaultTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    [Test]
    public async Task ACollaboratorAddedRightAfterAPostgreSqlRestart_IsSeenByTheOtherInstanceWithinASecond()
    {
        using var first = new TestHost(store: StoreKind.PostgreSql);
        using var second = new TestHost(shareStoresWith: first);
        var workspace = await first.CreateWorkspaceAsync("owner@softr.io");
        (await second.Classifier.ClassifyAsync(workspace, "james@xyz.com")).UserType.Should().Be(UserType.External);

        // The second instance keeps reading (and caching) all through the restart, as a busy host would.
        using var stop = new CancellationTokenSource();
        var reader = ReadUntilStoppedAsync(second, workspace, stop.Token);
        PostgresCluster.Restart();
        var added = Stopwatch.StartNew();
        await RetryUntilDoneAsync(() => first.Workspaces.AddCollaboratorAsync(workspace, "joanne@xyz.com", CollaboratorRole.Collaborator));
        added.Restart();

        while ((await second.Classifier.ClassifyAsync(workspace, "james@xyz.com")).UserType != UserType.Internal)
        {
            added.Elapsed.Should().BeLessThan(Bound, "the other instance listens again and drops what it cached while it could not");
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        (await reader).Should().BePositive("the second instance was reading all along");
    }

    [Test]
    public async Task ACollaboratorAddedRightAfterSqliteCouldNotBeRead_IsSeenByTheOtherInstanceWithinASecond()
    {
        // Connections not kept open in a pool, so that another process can take the file exclusively between two polls.
        using var first = new TestHost(database: TestDatabase.Create(StoreKind.Sqlite, pooling: false));
        using var second = new TestHost(shareStoresWith: first);
        var workspace = await first.CreateWorkspaceAsync("owner@softr.io");
        (await second.Classifier.ClassifyAsync(workspace, "james@xyz.com")).UserType.Should().Be(UserType.External);
        // Completed on the poller's own thread: the test must not go on there (it disposes the host, which waits for the poller).
        var pollFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        second.Get<StoreChangeSignal>().Changed += (_, change) =>
        {
            if (change.WorkspaceId is null)
            {
                pollFailed.TrySetResult();
            }
        };

        // Another process holds the file exclusively until the poller's read gives up (SQLite's busy wait, then the
        // command's timeout: about 30 seconds).
        using (var locker = new SqliteConnection(first.Database.ConnectionString))
        {
            locker.Open();
            using var command = locker.CreateCommand();
            command.CommandText = "PRAGMA locking_mode = EXCLUSIVE";
            command.ExecuteNonQuery();
            command.CommandText = "BEGIN EXCLUSIVE; SELECT count(*) FROM usertypes_workspaces";
            command.ExecuteScalar();
            await pollFailed.Task.WaitAsync(TimeSpan.FromSeconds(90));
            command.CommandText = "COMMIT";
            command.ExecuteNonQuery();
        }

        var added = Stopwatch.StartNew();
        await first.Workspaces.AddCollaboratorAsync(workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);
        added.Restart();
        while ((await second.Classifier.ClassifyAsync(workspace, "james@xyz.com")).UserType != UserType.Internal)
        {
            added.Elapsed.Should().BeLessThan(Bound, "the poller reads the change log from where it left off");
            await Task.Delay(10);
        }
    }

    private static async Task<int> ReadUntilStoppedAsync(TestHost host, string workspace, CancellationToken stop)
    {
        var reads = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await host.Classifier.ClassifyAsync(workspace, "james@xyz.com", stop);
                reads++;
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                // The server is down: a host would answer 500 here and carry on.
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await Task.Delay(5, CancellationToken.None);
        }

        return reads;
    }

    // A write whose pooled connection died with the server fails once; a host's caller would try again.
    private static async Task RetryUntilDoneAsync(Func<Task> write)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await write();
                return;
            }
            catch (Npgsql.NpgsqlException) when (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(10);
            }
        }
    }
}
