namespace UserTypes.Tests.Stores;

/// <summary>
/// What every store must do, in the style of ASP.NET Core Identity's specification tests: each store's fixture
/// inherits this and names its kind; every test gets a fresh, empty database.
/// </summary>
public abstract partial class StoreSpecification
{
    private static readonly CancellationToken None = CancellationToken.None;

    private TestHost? _host;

    protected abstract StoreKind Kind { get; }

    protected IWorkspaceStore Store => _host!.WorkspaceStore;

    protected IUserTypesStore Users => _host!.UserStore;

    [SetUp]
    public void CreateStoreForTest() => _host = new TestHost(store: Kind);

    [TearDown]
    public void DisposeStore() => _host?.Dispose();
}
