using System.Collections.Frozen;

namespace UserTypes;

/// <summary>
/// Union, difference and ceiling of grants. Every result is normalised: names compare case-insensitively, an
/// entity given twice in different case is one entity, and entries of <see cref="DataRights.None"/> are dropped.
/// </summary>
internal static class RightsAlgebra
{
    /// <summary>The grant with case-insensitive, merged, frozen sets.</summary>
    /// <param name="grant">A valid grant.</param>
    /// <returns>The normalised grant.</returns>
    public static RightsGrant Normalize(RightsGrant grant) => Build(grant.FunctionalRights, Merge(grant.DataRights));

    /// <summary>Everything either grant gives.</summary>
    /// <param name="left">A grant.</param>
    /// <param name="right">Another grant.</param>
    /// <returns>The normalised union.</returns>
    public static RightsGrant Union(RightsGrant left, RightsGrant right) =>
        Build(left.FunctionalRights.Concat(right.FunctionalRights), Merge(left.DataRights.Concat(right.DataRights)));

    /// <summary>What <paramref name="grant"/> gives that <paramref name="removed"/> does not.</summary>
    /// <param name="grant">A grant.</param>
    /// <param name="removed">What to take away; a data right removed on <c>*</c> is removed from every entity.</param>
    /// <returns>The normalised difference.</returns>
    public static RightsGrant Except(RightsGrant grant, RightsGrant removed)
    {
        var take = Merge(removed.DataRights);
        var everywhere = take.GetValueOrDefault(RightNames.EveryEntity);
        var data = Merge(grant.DataRights);
        foreach (var entity in data.Keys.ToList())
        {
            data[entity] &= ~(take.GetValueOrDefault(entity) | everywhere);
        }

        var functional = new HashSet<string>(removed.FunctionalRights, RightNames.Comparer);
        return Build(grant.FunctionalRights.Where(right => !functional.Contains(right)), data);
    }

    /// <summary>Whether <paramref name="grant"/> gives anything <paramref name="ceiling"/> does not allow.</summary>
    /// <param name="grant">A grant.</param>
    /// <param name="ceiling">The most a user type may hold.</param>
    /// <returns>What exceeds the ceiling, or <see langword="null"/> when nothing does.</returns>
    public static string? DescribeExcess(RightsGrant grant, RightsCeiling ceiling)
    {
        foreach (var (entity, rights) in grant.DataRights)
        {
            var excess = rights & ~ceiling.DataRights;
            if (excess != DataRights.None)
            {
                return $"{excess} on '{entity}' (the most is {ceiling.DataRights})";
            }
        }

        var refused = grant.FunctionalRights.FirstOrDefault(right => !ceiling.Allows(right));
        return refused is null ? null : $"the functional right '{refused}'";
    }

    /// <summary>The part of <paramref name="grant"/> within <paramref name="ceiling"/>.</summary>
    /// <param name="grant">A grant.</param>
    /// <param name="ceiling">The most a user type may hold.</param>
    /// <returns>The normalised grant cut to the ceiling.</returns>
    public static RightsGrant Cut(RightsGrant grant, RightsCeiling ceiling)
    {
        var data = Merge(grant.DataRights);
        foreach (var entity in data.Keys.ToList())
        {
            data[entity] &= ceiling.DataRights;
        }

        return Build(grant.FunctionalRights.Where(ceiling.Allows), data);
    }

    private static Dictionary<string, DataRights> Merge(IEnumerable<KeyValuePair<string, DataRights>> entries)
    {
        var merged = new Dictionary<string, DataRights>(RightNames.Comparer);
        foreach (var (entity, rights) in entries)
        {
            merged[entity] = merged.GetValueOrDefault(entity) | rights;
        }

        return merged;
    }

    private static RightsGrant Build(IEnumerable<string> functional, Dictionary<string, DataRights> data) => new()
    {
        FunctionalRights = functional.ToFrozenSet(RightNames.Comparer),
        DataRights = data.Where(entry => entry.Value != DataRights.None).ToFrozenDictionary(RightNames.Comparer),
    };
}
