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

    /// <summary>Whether both grants give the same rights: same functional rights, same data rights per entity (case-insensitively).</summary>
    /// <param name="other">The other grant.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(RightsGrant? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null)
        {
            return false;
        }

        var (left, right) = (RightsAlgebra.Normalize(this), RightsAlgebra.Normalize(other));
        return left.FunctionalRights.SetEquals(right.FunctionalRights)
            && left.DataRights.Count == right.DataRights.Count
            && left.DataRights.All(entry => right.DataRights.TryGetValue(entry.Key, out var rights) && rights == entry.Value);
    }

    /// <summary>A hash consistent with <see cref="Equals(RightsGrant?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode()
    {
        var normalized = RightsAlgebra.Normalize(this);
        return HashCode.Combine(normalized.FunctionalRights.Count, normalized.DataRights.Count);
    }

    /// <summary>Whether the grant gives nothing at all.</summary>
    public bool IsEmpty => FunctionalRights.Count == 0 && DataRights.Values.All(rights => rights == UserTypes.DataRights.None);
}
