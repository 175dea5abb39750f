namespace UserTypes.Tests.Stores;

public sealed class InMemoryStoreTests : StoreSpecification
{
    protected override StoreKind Kind => StoreKind.InMemory;
}
