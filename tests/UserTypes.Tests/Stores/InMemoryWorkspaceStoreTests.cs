namespace UserTypes.Tests.Stores;

public sealed class InMemoryWorkspaceStoreTests : WorkspaceStoreSpecification
{
    protected override IWorkspaceStore CreateStore() => new InMemoryWorkspaceStore();
}
