namespace UserTypes.Tests.Stores;

public sealed class PostgreSqlStoreTests : StoreSpecification
{
    protected override StoreKind Kind => StoreKind.PostgreSql;
}
