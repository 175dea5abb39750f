using Microsoft.AspNetCore.Authorization;

namespace UserTypes.AspNetCore;

/// <summary>The user must hold a functional right.</summary>
/// <param name="functionalRight">The functional right.</param>
public sealed class FunctionalRightRequirement(string functionalRight) : IAuthorizationRequirement
{
    /// <summary>The functional right.</summary>
    public string FunctionalRight { get; } = functionalRight;

    /// <summary>What the requirement asks, for the authorization failure log.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{nameof(FunctionalRightRequirement)}: the user must hold the functional right '{FunctionalRight}'";
}
