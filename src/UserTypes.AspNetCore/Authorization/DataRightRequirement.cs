using Microsoft.AspNetCore.Authorization;

namespace UserTypes.AspNetCore;

/// <summary>The user must have every one of the given data rights on an entity.</summary>
/// <param name="entity">The entity name.</param>
/// <param name="rights">The rights needed.</param>
public sealed class DataRightRequirement(string entity, DataRights rights) : IAuthorizationRequirement
{
    /// <summary>The entity name.</summary>
    public string Entity { get; } = entity;

    /// <summary>The rights needed.</summary>
    public DataRights Rights { get; } = rights;

    /// <summary>What the requirement asks, for the authorization failure log.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{nameof(DataRightRequirement)}: the user must have {Rights} on '{Entity}'";
}
