using System.Diagnostics;

namespace UserTypes.Tests.Stores;

/// <summary>
/// Several OS processes (not tasks) against one database: the database itself must keep the seat gate and the
/// failure counter correct, and a process killed mid-write must leave nothing half-written.
/// </summary>
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.PostgreSql)]
public sealed class ProcessTests(StoreKind store) : StoreFixture(store)
{
    private const string AdminPassword = "amber harbor 1";

    private TestHost _host = null!;
    private string _workspace = null!;
    private string _adminId = null!;

    private string StoreArgument => Store == StoreKind.Sqlite ? "sqlite" : "postgresql";

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost(o => o.ExternalUsers.Enabled = true);
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io", license: new WorkspaceLicense { ExternalUsers = true, MaxExternalUsers = 10 });
        _adminId = (await _host.Users.CreateInternalUserAsync(
            _workspace, "admin", "admin@softr.io", AdminPassword, new RightsGrant { FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers } })).Id;
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    private static Process StartWorker(params string[] arguments) => DotnetProcess.Start("UserTypes.StoreWorker", arguments);

    private static async Task<string[]> OutputOfAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        process.ExitCode.Should().Be(0, await errors);
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Test]
    public async Task HundredExternalCreationsFromFourProcesses_AgainstALimitOfTen_CreateExactlyTen()
    {
        var workers = Enumerable.Range(0, 4)
            .Select(i => StartWorker("create-external", StoreArgument, _host.Database.ConnectionString!, _workspace, "admin", AdminPassword, "25", $"p{i}"))
            .ToList();

        var lines = (await Task.WhenAll(workers.Select(OutputOfAsync))).SelectMany(l => l).ToList();

        lines.Should().HaveCount(100);
        lines.Count(l => l.StartsWith("created ", StringComparison.Ordinal)).Should().Be(10);
        (await _host.SeatsAsync(_workspace)).ExternalUsers.Should().Be(10);
        _host.Database.Count($"SELECT COUNT(*) FROM usertypes_users WHERE workspace_id = '{_workspace}' AND user_type = 1").Should().Be(10);
        (await AuditedCreationsAsync()).Should().BeEquivalentTo(
            [.. lines.Where(l => l.StartsWith("created ", StringComparison.Ordinal)).Select(l => l["created ".Length..]), _adminId],
            "one entry per account created, from whichever process, and none for a refusal");
    }

    [Test]
    public async Task FiftyWrongPasswordsFromFiveProcesses_AreFiftyCountedFailures()
    {
        var workers = Enumerable.Range(0, 5)
            .Select(_ => StartWorker("wrong-password", StoreArgument, _host.Database.ConnectionString!, _workspace, "admin", "10"))
            .ToList();

        var lines = (await Task.WhenAll(workers.Select(OutputOfAsync))).SelectMany(l => l).ToList();

        lines.Should().HaveCount(50).And.OnlyContain(l => l == "failed InvalidCredentials");
        (await _host.Users.FindByUserNameAsync(_workspace, "admin"))!.AccessFailedCount.Should().Be(50);
    }

    [Test]
    public async Task FortyParallelGuessesFromTwoProcesses_CompareNoMoreThanTheLimit()
    {
        // Work factor 10 for the account too: a verification costs what the stored hash says.
        using var strong = NewHost(o => o.Password.WorkFactor = 10, shareStoresWith: _host);
        await strong.Users.CreateInternalUserAsync(_workspace, "target", "target@softr.io", AdminPassword);

        var workers = Enumerable.Range(0, 2)
            .Select(_ => StartWorker("burst", StoreArgument, _host.Database.ConnectionString!, _workspace, "target", "a wrong guess", "20", "5"))
            .ToList();
        var lines = (await Task.WhenAll(workers.Select(OutputOfAsync))).SelectMany(l => l).ToList();

        lines.Should().HaveCount(40);
        lines.Count(l => l == "failed InvalidCredentials").Should().Be(5, "only the reserved attempts were compared");
        lines.Count(l => l == "failed LockedOut").Should().Be(35);
        (await _host.Users.FindByUserNameAsync(_workspace, "target"))!.LockoutEnd.Should().NotBeNull();
    }

    [Test]
    public async Task AWriterKilledMidRun_LeavesEveryReportedAccountIntact_AndNothingHalfWritten()
    {
        var worker = StartWorker("create-forever", StoreArgument, _host.Database.ConnectionString!, _workspace, "a password", "bulk");
        var reported = new List<(string Id, string UserName)>();
        while (reported.Count < 30 && await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1)) is { } line)
        {
            var parts = line.Split(' ');
            reported.Add((parts[1], parts[2]));
        }

        worker.Kill(entireProcessTree: true);
        await worker.WaitForExitAsync();

        // What it printed between the last line read and the kill was reported too.
        foreach (var line in (await worker.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length == 3)
            {
                reported.Add((parts[1], parts[2]));
            }
        }

        foreach (var (id, userName) in reported)
        {
            var account = await _host.Users.FindByUserNameAsync(_workspace, userName);
            account.Should().NotBeNull($"{userName} was reported created");
            account!.Id.Should().Be(id);
            (await _host.StoredAsync(account)).PasswordHash.Should().StartWith("$nfkc$2");
        }

        var rows = _host.Database.Count($"SELECT COUNT(*) FROM usertypes_users WHERE workspace_id = '{_workspace}' AND user_name LIKE 'bulk-%'");
        var unreadable = _host.Database.Count($"SELECT COUNT(*) FROM usertypes_users WHERE workspace_id = '{_workspace}' AND (password_hash = '' OR rights = '')");
        rows.Should().BeInRange(reported.Count, reported.Count + 1, "at most the one creation in flight at the kill committed without being reported");
        unreadable.Should().Be(0);
        (await _host.SeatsAsync(_workspace)).InternalUsers.Should().Be((int)rows + 1, "the seats are the rows, with the administrator");
        var created = await AuditedCreationsAsync();
        created.Should().HaveCount((int)rows + 1, "every account that committed has its entry, and no entry has no account");
        var accounts = _host.Database.Count($"SELECT COUNT(*) FROM usertypes_users WHERE workspace_id = '{_workspace}' AND id IN ({string.Join(", ", created.Select(id => $"'{id}'"))})");
        accounts.Should().Be(created.Count);
    }

    // The subjects of the workspace's user-created entries, read a page at a time.
    private async Task<List<string>> AuditedCreationsAsync()
    {
        var subjects = new List<string>();
        var query = new AuditQuery { Action = AuditActions.UserCreated, PageSize = 1000 };
        do
        {
            var page = await _host.Get<IAuditLog>().ReadAsync(_workspace, query);
            subjects.AddRange(page.Entries.Select(entry => entry.SubjectUserId!));
            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);

        return subjects;
    }
}
