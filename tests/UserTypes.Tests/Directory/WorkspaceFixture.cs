using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Directory;

/// <summary>
/// A behaviour fixture on every store with one fresh workspace (owned at softr.io, external users on and licensed
/// unless the derived fixture gives another licence) and its administrator, the acting user most tests need.
/// </summary>
public abstract class WorkspaceFixture(StoreKind store, WorkspaceLicense? license = null) : StoreFixture(store)
{
    internal TestHost Host { get; private set; } = null!;

    protected string WorkspaceId { get; private set; } = null!;

    protected AuthenticatedUser Admin { get; private set; } = null!;

    [SetUp]
    public async Task CreateWorkspaceAsync()
    {
        Host = NewHost(o => o.ExternalUsers.Enabled = true);
        WorkspaceId = await Host.CreateWorkspaceAsync("owner@softr.io", license: license ?? new WorkspaceLicense { ExternalUsers = true });
        Admin = await Host.CreateAdministratorAsync(WorkspaceId);
    }

    [TearDown]
    public void DisposeHost() => Host?.Dispose();
}
