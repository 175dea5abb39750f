using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>Defaults and ceilings of rights per user type.</summary>
public sealed class RightsOptions
{
    /// <summary>Internal users: by default View, Create and Edit on <c>*</c>; ceiling everything.</summary>
    [Required]
    [ValidateObjectMembers]
    public UserTypeRightsOptions Internal { get; set; } = new() { Defaults = ViewCreateEditEverywhere };

    /// <summary>
    /// External users: by default View on <c>*</c>; ceiling View, Create and Edit, and no functional right in
    /// <see cref="InternalOnlyFunctionalRights"/>.
    /// </summary>
    [Required]
    [ValidateObjectMembers]
    public UserTypeRightsOptions External { get; set; } = new()
    {
        Defaults = ViewEverywhere,
        DataRightsCeiling = DataRights.View | DataRights.Create | DataRights.Edit,
    };

    /// <summary>
    /// The anonymous user: by default View on <c>*</c> (view only); an administrator may grant up to View, Create and
    /// Edit; no functional rights.
    /// </summary>
    [Required]
    [ValidateObjectMembers]
    public UserTypeRightsOptions Anonymous { get; set; } = new()
    {
        Defaults = ViewEverywhere,
        DataRightsCeiling = DataRights.View | DataRights.Create | DataRights.Edit,
        MayHoldFunctionalRights = false,
    };

    /// <summary>
    /// Functional rights only internal users can hold. <see cref="FunctionalRights.CreateExternalUsers"/> and
    /// <see cref="FunctionalRights.ManageRights"/> are always internal-only, whether listed here or not; add the
    /// host's own administrative rights. Names compare case-insensitively.
    /// </summary>
    [Required]
    public ISet<string> InternalOnlyFunctionalRights { get; set; } =
        new HashSet<string>([UserTypes.FunctionalRights.CreateExternalUsers, UserTypes.FunctionalRights.ManageRights], StringComparer.OrdinalIgnoreCase);

    private static RightsGrant ViewEverywhere => Everywhere(DataRights.View);

    private static RightsGrant ViewCreateEditEverywhere => Everywhere(DataRights.View | DataRights.Create | DataRights.Edit);

    private static RightsGrant Everywhere(DataRights rights) => new()
    {
        DataRights = new Dictionary<string, DataRights> { [RightNames.EveryEntity] = rights }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
    };
}
