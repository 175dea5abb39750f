using Microsoft.AspNetCore.Authorization;

namespace UserTypes.AspNetCore;

/// <summary>The user must be of one of the given user types.</summary>
/// <param name="userTypes">The allowed types.</param>
public sealed class UserTypeRequirement(IReadOnlyCollection<UserType> userTypes) : IAuthorizationRequirement
{
    /// <summary>The allowed user types.</summary>
    public IReadOnlyCollection<UserType> UserTypes { get; } = userTypes;

    /// <summary>What the requirement asks, for the authorization failure log.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{nameof(UserTypeRequirement)}: the user type must be one of ({string.Join('|', UserTypes)})";
}
