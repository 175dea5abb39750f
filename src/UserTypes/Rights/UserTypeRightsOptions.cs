using System.ComponentModel.DataAnnotations;

namespace UserTypes;

/// <summary>What accounts of one user type get by default, and the most they can ever hold.</summary>
public sealed class UserTypeRightsOptions
{
    /// <summary>What every account of the type has without a grant. Must be within the ceiling.</summary>
    [Required]
    public RightsGrant Defaults { get; set; } = RightsGrant.Empty;

    /// <summary>The most data rights the type can hold on any entity, whatever is granted.</summary>
    public DataRights DataRightsCeiling { get; set; } = DataRights.All;

    /// <summary>Whether the type can hold functional rights at all.</summary>
    public bool MayHoldFunctionalRights { get; set; } = true;
}
