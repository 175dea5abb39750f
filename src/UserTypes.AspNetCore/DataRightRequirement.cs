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
}
