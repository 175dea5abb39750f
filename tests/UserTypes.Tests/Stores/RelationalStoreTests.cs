using Microsoft.Extensions.DependencyInjection;
using UserTypes.Specification.Tests;

namespace UserTypes.Tests.Stores;

/// <summary>
/// The SQLite and PostgreSQL stores against the store specification, as its package ships it: a fresh database file or
/// schema per test, shared by every instance the test starts.
/// </summary>
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.PostgreSql)]
public sealed class RelationalStoreTests(StoreKind kind) : SharedDatabaseStoreSpecification
{
#pragma warning disable NUnit1032 // Disposed in DropDatabaseAsync, which the specification's [TearDown] calls.
    private TestDatabase? _database;
#pragma warning restore NUnit1032

    protected override Task CreateDatabaseAsync()
    {
        _database = TestDatabase.Create(kind);
        return Task.CompletedTask;
    }

    protected override void AddStores(UserTypesBuilder builder) => _database!.Use(builder);

    protected override Task DropDatabaseAsync()
    {
        _database?.Dispose();
        return Task.CompletedTask;
    }
}
