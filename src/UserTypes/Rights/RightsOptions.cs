using System.Collections.Frozen;

namespace UserTypes;

/// <summary>Defaults and ceilings of rights per user type.</summary>
public sealed class RightsOptions
{
    /// <summary>Internal users: by default View, Create and Edit on <c>*</c>; ceiling everything.</summary>
    public UserTypeRightsOptions Internal { get; } = new() { Defaults = ViewCreateEditEverywhere };

    /// <summary>
    /// External users: by default View on <c>*</c>; ceiling View, Create and Edit, and no functional right in
    /// <see cref="InternalOnlyFunctionalRights"/>.
    /// </summary>
    public UserTypeRightsOptions External { get; } = new()
    {
        Defaults = ViewEverywhere,
        DataRightsCeiling = DataRights.View | DataRights.Create | DataRights.Edit,
    };

    /// <summary>
    /// The anonymous user: by default View on <c>*</c> (view only); an administrator may grant up to View, Create and
    /// Edit; no functional rights.
    /// </summary>
    public UserTypeRightsOptions Anonymous { get; } = new()
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
    public ISet<string> InternalOnlyFunctionalRights { get; } =
        new HashSet<string>([UserTypes.FunctionalRights.CreateExternalUsers, UserTypes.FunctionalRights.ManageRights], StringComparer.OrdinalIgnoreCase);

    private static RightsGrant ViewEverywhere => Everywhere(DataRights.View);

    private static RightsGrant ViewCreateEditEverywhere => Everywhere(DataRights.View | DataRights.Create | DataRights.Edit);

    private static RightsGrant Everywhere(DataRights rights) => new()
    {
        DataRights = new Dictionary<string, DataRights> { [RightNames.EveryEntity] = rights }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
    };
}
