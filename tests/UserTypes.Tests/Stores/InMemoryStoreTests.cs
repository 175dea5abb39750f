using Microsoft.Extensions.DependencyInjection;
using UserTypes.Specification.Tests;

namespace UserTypes.Tests.Stores;

/// <summary>The in-memory store against the store specification, as its package ships it.</summary>
public sealed class InMemoryStoreTests : StoreSpecification
{
    protected override void AddStores(UserTypesBuilder builder) => builder.AddInMemoryStores();
}
