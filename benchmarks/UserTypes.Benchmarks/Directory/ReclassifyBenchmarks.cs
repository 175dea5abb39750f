using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace UserTypes.Benchmarks.Directory;

/// <summary>
/// Reclassification of a workspace's signed-up accounts in the in-memory store. Goal: 100,000 accounts in at most
/// one second, linear in the number of accounts.
/// </summary>
[MemoryDiagnoser]
public class ReclassifyBenchmarks
{
    private const string Workspace = "bench";

    private ServiceProvider _provider = null!;
    private IUserDirectory _users = null!;
    private IWorkspaceDirectory _workspaces = null!;

    [Params(10_000, 100_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddUserTypes(o =>
        {
            o.ExternalUsers.Enabled = true;
            o.Mail.Enabled = false;
        }).AddInMemoryStores().Services.BuildServiceProvider();
        _users = _provider.GetRequiredService<IUserDirectory>();
        _workspaces = _provider.GetRequiredService<IWorkspaceDirectory>();
        _workspaces.CreateAsync(Workspace, "owner@softr.io").GetAwaiter().GetResult();

        // Written straight to the store: a hundred thousand BCrypt hashes would measure BCrypt, not reclassification.
        var store = _provider.GetRequiredService<IUserTypesStore>();
        for (var i = 0; i < Accounts; i++)
        {
            var email = $"user{i}@{(i % 2 == 0 ? "half" : "other")}{i % 50}.example";
            store.CreateAsync(
                new StoredUser
                {
                    Account = new UserAccount
                    {
                        Id = $"u{i}",
                        WorkspaceId = Workspace,
                        UserName = email,
                        Email = email,
                        UserType = UserType.External,
                        UserTypeSource = UserTypeSource.Classified,
                    },
                    PasswordHash = "$2a$04$pre-hashed-for-the-benchmark",
                },
                seatLimit: null, null,
                [],
                CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true)]
    public ReclassificationReport FullPassNothingToChange() => _users.ReclassifyAsync(Workspace).GetAwaiter().GetResult();

    /// <summary>Two passes, each flipping the type of one account in fifty.</summary>
    [Benchmark]
    public async Task CollaboratorAddedAndRemoved()
    {
        await _workspaces.AddCollaboratorAsync(Workspace, "joanne@half0.example", CollaboratorRole.Collaborator);
        await _workspaces.RemoveCollaboratorAsync(Workspace, "joanne@half0.example");
    }
}
