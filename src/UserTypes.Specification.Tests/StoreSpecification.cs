using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace UserTypes.Specification.Tests;

/// <summary>
/// What every UserTypes store must do, as NUnit tests: inherit this class, override <see cref="AddStores"/> to register
/// your store, and, if it needs one, <see cref="CreateDatabaseAsync"/> and <see cref="DropDatabaseAsync"/> to give each
/// test a fresh, empty database. A store shared between processes should inherit
/// <see cref="SharedDatabaseStoreSpecification"/> instead, which adds the tests across instances.
/// </summary>
/// <example>
/// <code>
/// [TestFixture] // so that the test assembly references NUnit and the adapter finds the inherited tests
/// public sealed class MyStoreTests : StoreSpecification
/// {
///     protected override void AddStores(UserTypesBuilder builder) => builder.AddStores&lt;MyStore&gt;();
/// }
/// </code>
/// </example>
public abstract partial class StoreSpecification
{
    /// <summary>The workspace most tests write to.</summary>
    protected const string Workspace = "ws";

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly List<ServiceProvider> _instances = [];

    /// <summary>The store of the first instance of this test.</summary>
    protected IUserTypesStore Store { get; private set; } = null!;

    /// <summary>The clock of every instance of this test, starting at a fixed instant; tests move it forward.</summary>
    protected FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>The change signal of the first instance of this test.</summary>
    protected StoreChangeSignal Changes { get; private set; } = null!;

    /// <summary>Makes a fresh database, creates the first instance and its store.</summary>
    /// <returns>A task that completes when the store is ready.</returns>
    [SetUp]
    public async Task SetUpStoreAsync()
    {
        await CreateDatabaseAsync().ConfigureAwait(false);
        Clock = new FakeTimeProvider(Now);
        (Store, Changes) = StartInstance();
    }

    /// <summary>Disposes every instance (stopping their watchers), then drops the database.</summary>
    /// <returns>A task that completes when everything is released.</returns>
    [TearDown]
    public async Task TearDownStoreAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync().ConfigureAwait(false);
        }

        _instances.Clear();
        await DropDatabaseAsync().ConfigureAwait(false);
    }

    /// <summary>Registers the store under test, for example with <c>builder.AddStores&lt;MyStore&gt;()</c>.</summary>
    /// <param name="builder">The builder of one instance; called once per instance, on the database of the current test.</param>
    protected abstract void AddStores(UserTypesBuilder builder);

    /// <summary>Makes a fresh, empty database for the next test. Default: nothing (a store that keeps its data in memory).</summary>
    /// <returns>A task that completes when the database exists.</returns>
    protected virtual Task CreateDatabaseAsync() => Task.CompletedTask;

    /// <summary>Drops the database of the test that just ran. Default: nothing.</summary>
    /// <returns>A task that completes when the database is gone.</returns>
    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    /// <summary>Starts another instance on the current test's database, as another process of a host would.</summary>
    /// <returns>The instance's store and change signal.</returns>
    protected (IUserTypesStore Store, StoreChangeSignal Changes) StartInstance()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        AddStores(services.AddUserTypes());
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _instances.Add(provider);
        return (provider.GetRequiredService<IUserTypesStore>(), provider.GetRequiredService<StoreChangeSignal>());
    }

    private static CancellationToken None => CancellationToken.None;

    // The entry of a reclassification pass, as the directory hands it to the store.
    private static AuditEntry ReclassifiedPass => Entry(AuditActions.UserTypeChanged, subject: null, "Reclassified.");

    private static AuditEntry Entry(string action, string? subject, string summary, string workspace = Workspace) => new()
    {
        WorkspaceId = workspace,
        At = Now,
        Action = action,
        SubjectUserId = subject,
        Summary = summary,
    };

    private async Task CreateWorkspaceAsync() =>
        Assert.That(await Store.TryCreateAsync(NewWorkspace(), [], None).ConfigureAwait(false), Is.True);

    private static WorkspaceRecord NewWorkspace(string id = Workspace) => new()
    {
        Id = id,
        Collaborators = [new Collaborator("owner@acme.example", CollaboratorRole.Owner)],
    };

    private static StoredUser NewUser(string name, UserType type = UserType.Internal, UserTypeSource source = UserTypeSource.Assigned, bool enabled = true) => new()
    {
        Account = new UserAccount
        {
            Id = "id-" + name,
            WorkspaceId = Workspace,
            UserName = name,
            Email = name.ToLowerInvariant() + "@acme.example",
            UserType = type,
            UserTypeSource = source,
            Enabled = enabled,
            CreatedAt = Now,
            Rights = new RightsGrant
            {
                FunctionalRights = new HashSet<string> { "export" },
                DataRights = new Dictionary<string, DataRights> { ["contact"] = DataRights.Edit },
            },
        },
        PasswordHash = "$2a$04$hash-of-" + name,
    };

    private static StoredUser Changed(StoredUser user, Func<UserAccount, UserAccount> change) =>
        user with { Account = change(user.Account) with { Version = user.Account.Version + 1 } };

    private async Task<UserAccount> AccountAsync(string userId) =>
        (await Store.FindByIdAsync(Workspace, userId, None).ConfigureAwait(false))?.Account ?? throw new AssertionException($"Account '{userId}' is missing.");
}
