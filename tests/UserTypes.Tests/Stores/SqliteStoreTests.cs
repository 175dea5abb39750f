namespace UserTypes.Tests.Stores;

public sealed class SqliteStoreTests : StoreSpecification
{
    protected override StoreKind Kind => StoreKind.Sqlite;
}
