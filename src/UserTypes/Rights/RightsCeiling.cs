using System.Collections.Frozen;

namespace UserTypes;

/// <summary>The most a user type can ever hold, compiled from <see cref="RightsOptions"/>.</summary>
/// <param name="DataRights">The data rights allowed on any entity.</param>
/// <param name="MayHoldFunctionalRights">Whether the type may hold functional rights at all.</param>
/// <param name="Forbidden">Functional rights the type may never hold even so.</param>
internal sealed record RightsCeiling(DataRights DataRights, bool MayHoldFunctionalRights, FrozenSet<string> Forbidden)
{
    /// <summary>Whether the type may hold <paramref name="functionalRight"/>.</summary>
    /// <param name="functionalRight">A functional right.</param>
    /// <returns>Whether it is within the ceiling.</returns>
    public bool Allows(string functionalRight) => MayHoldFunctionalRights && !Forbidden.Contains(functionalRight);
}
