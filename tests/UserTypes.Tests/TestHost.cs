using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using UserTypes.Tests.Stores;

namespace UserTypes.Tests;

/// <summary>A service provider wired the way a host wires UserTypes, with a fake clock and test-friendly options.</summary>
internal sealed class TestHost : IDisposable
{
    public const string Password = "correct horse battery staple";

    private readonly ServiceProvider _provider;
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    /// <param name="configure">Options on top of the test defaults.</param>
    /// <param name="shareStoresWith">Another host whose database this one uses, as a second process would.</param>
    /// <param name="store">The store kind, for a host that does not share another's database.</param>
    /// <param name="database">A database of its own made for this host (which disposes it), instead of one of <paramref name="store"/>.</param>
    public TestHost(Action<UserTypesOptions>? configure = null, TestHost? shareStoresWith = null, StoreKind store = StoreKind.InMemory, TestDatabase? database = null)
    {
        _ownsDatabase = shareStoresWith is null;
        _database = shareStoresWith?._database ?? database ?? TestDatabase.Create(store);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IAccountMailer>(Mailer);
        services.AddSingleton<IAuditActorAccessor>(Actor);
        var builder = services.AddUserTypes(options =>
        {
            options.Password.WorkFactor = 4;

            // Races of dozens of logins test the lockout, not the hashing gate: a queue that holds them all. The gate's
            // own tests set it back.
            options.Password.HashingQueueLength = 10_000;
            configure?.Invoke(options);
        });
        _database.Use(builder);
        if (shareStoresWith is not null && _database.Kind == StoreKind.InMemory)
        {
            // In memory, "the same database" is the same store objects.
            services.Replace(ServiceDescriptor.Singleton(shareStoresWith.WorkspaceStore));
            services.Replace(ServiceDescriptor.Singleton(shareStoresWith.UserStore));
        }

        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public CapturingMailer Mailer { get; } = new();

    /// <summary>Who the host says is behind its trusted calls, for the audit trail; set it as a request would.</summary>
    public AuditActor Actor { get; } = new();

    public IUserClassifier Classifier => _provider.GetRequiredService<IUserClassifier>();

    public IWorkspaceDirectory Workspaces => _provider.GetRequiredService<IWorkspaceDirectory>();

    public IWorkspaceStore WorkspaceStore => _provider.GetRequiredService<IWorkspaceStore>();

    public IUserDirectory Users => _provider.GetRequiredService<IUserDirectory>();

    public IUserTypesStore UserStore => _provider.GetRequiredService<IUserTypesStore>();

    public IAuthenticator Authenticator => _provider.GetRequiredService<IAuthenticator>();

    /// <summary>Logs in with a password: <see langword="null"/> when it succeeds, else the failure's reason.</summary>
    public Task<AuthenticationFailureReason?> LoginOutcomeAsync(string workspaceId, string userName, string password) =>
        LoginOutcome.OfAsync(Authenticator, workspaceId, userName, password);

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Creates a workspace owned by <paramref name="ownerEmail"/> and returns its id.</summary>
    public async Task<string> CreateWorkspaceAsync(string ownerEmail = "owner@softr.io", string? id = null, WorkspaceLicense? license = null)
    {
        id ??= "ws-" + Guid.NewGuid().ToString("N");
        await Workspaces.CreateAsync(id, ownerEmail);
        if (license is not null)
        {
            await Workspaces.SetLicenseAsync(id, license);
        }

        return id;
    }

    /// <summary>A whole sign-up, as a person does it: ask, read the mail, complete with its token.</summary>
    public async Task<UserAccount> SignUpAsync(string workspaceId, string email, string password = Password)
    {
        await Users.RequestSignUpAsync(workspaceId, email);
        return await Users.CompleteSignUpAsync(workspaceId, email, Mailer.TokenFor(email, AccountMailKind.SignUp), password);
    }

    /// <summary>An internal administrator holding both built-in functional rights, as the acting user.</summary>
    public async Task<AuthenticatedUser> CreateAdministratorAsync(string workspaceId, string userName = "admin")
    {
        var account = await Users.CreateInternalUserAsync(
            workspaceId,
            userName,
            $"{userName}@softr.io",
            Password,
            new RightsGrant { FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers, FunctionalRights.ManageRights } });
        return ActorFor(account);
    }

    /// <summary>The account as an authenticated user, as a login would produce it.</summary>
    public AuthenticatedUser ActorFor(UserAccount account) =>
        new(account, Get<RightsPolicy>().Evaluate(account.UserType, account.Rights), isImplicitAnonymous: false);

    public async Task<StoredUser> StoredAsync(UserAccount account) =>
        (await UserStore.FindByIdAsync(account.WorkspaceId, account.Id, CancellationToken.None))!;

    public Task<SeatUsage> SeatsAsync(string workspaceId) => Users.GetSeatUsageAsync(workspaceId);

    public StoreKind Store => _database.Kind;

    public TestDatabase Database => _database;

    public void Dispose()
    {
        _provider.Dispose();
        if (_ownsDatabase)
        {
            _database.Dispose();
        }
    }

    /// <summary>An <see cref="IAuditActorAccessor"/> a test sets by hand.</summary>
    internal sealed class AuditActor : IAuditActorAccessor
    {
        public string? ActorUserId { get; set; }
    }
}
