namespace UserTypes.Tests.Stores;

/// <summary>
/// A behaviour fixture that runs once per store kind, so that the in-memory, SQLite and PostgreSQL stores are
/// proven to behave alike.
/// </summary>
public abstract class StoreFixture(StoreKind store)
{
    public static IEnumerable<TestFixtureData> Stores =>
        Enum.GetValues<StoreKind>().Select(kind => new TestFixtureData(kind).SetArgDisplayNames(kind.ToString()));

    protected StoreKind Store { get; } = store;

    /// <summary>A test host on a fresh database of this fixture's kind (or sharing another host's database).</summary>
    internal TestHost NewHost(Action<UserTypesOptions>? configure = null, TestHost? shareStoresWith = null) =>
        new(configure, shareStoresWith, Store);
}
