using System.Collections.Frozen;

namespace UserTypes;

/// <summary>
/// Rights given to an account on top of its user type's defaults. What the account can use is always cut to its
/// user type's ceiling (see <see cref="RightsOptions"/>). Immutable.
/// </summary>
public sealed record RightsGrant
{
    /// <summary>The functional rights, by name. Empty by default.</summary>
    public IReadOnlySet<string> FunctionalRights { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Data rights per entity name, or <c>*</c> for every entity. Empty by default.</summary>
    public IReadOnlyDictionary<string, DataRights> DataRights { get; init; } = FrozenDictionary<string, DataRights>.Empty;

    /// <summary>A grant of nothing.</summary>
    public static RightsGrant Empty { get; } = new();

    /// <summary>Whether the grant gives nothing at all.</summary>
    public bool IsEmpty => FunctionalRights.Count == 0 && DataRights.Values.All(rights => rights == UserTypes.DataRights.None);
}
