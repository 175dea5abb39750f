using UserTypes;
using UserTypes.AspNetCore;

namespace Microsoft.AspNetCore.Authorization;

/// <summary>Policy requirements for UserTypes principals, decided from their claims without a store round trip.</summary>
public static class UserTypesAuthorizationPolicyBuilderExtensions
{
    /// <summary>Requires one of the given user types.</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="userTypes">The allowed user types; at least one.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">No user type, or an undefined one, is given.</exception>
    public static AuthorizationPolicyBuilder RequireUserType(this AuthorizationPolicyBuilder builder, params UserType[] userTypes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(userTypes);
        if (userTypes.Length == 0 || !userTypes.All(Enum.IsDefined))
        {
            throw new ArgumentException("Give at least one defined user type.", nameof(userTypes));
        }

        return builder.AddRequirements(new UserTypeRequirement([.. userTypes.Distinct()]));
    }

    /// <summary>Requires a functional right, such as <see cref="FunctionalRights.CreateExternalUsers"/>.</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="functionalRight">The functional right.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="functionalRight"/> is empty or white space.</exception>
    public static AuthorizationPolicyBuilder RequireFunctionalRight(this AuthorizationPolicyBuilder builder, string functionalRight)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(functionalRight);
        return builder.AddRequirements(new FunctionalRightRequirement(functionalRight));
    }

    /// <summary>Requires every one of <paramref name="rights"/> on <paramref name="entity"/> (or on <c>*</c>).</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="entity">The entity name, such as <c>contact</c>.</param>
    /// <param name="rights">The rights needed; not <see cref="DataRights.None"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="entity"/> is empty, or <paramref name="rights"/> asks for nothing or for undefined bits.</exception>
    public static AuthorizationPolicyBuilder RequireDataRight(this AuthorizationPolicyBuilder builder, string entity, DataRights rights)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        if (rights == DataRights.None || (rights & ~DataRights.All) != 0)
        {
            throw new ArgumentException("Ask for at least one of View, Create, Edit and Delete, and nothing else.", nameof(rights));
        }

        return builder.AddRequirements(new DataRightRequirement(entity, rights));
    }
}
