namespace UserTypes.Tests.Stores;

/// <summary>The stores every behaviour test runs against.</summary>
public enum StoreKind
{
    InMemory,
    Sqlite,
    PostgreSql,
}
