namespace UserTypes;

/// <summary>
/// The functional rights UserTypes itself checks. Hosts define their own as plain names; names compare
/// case-insensitively.
/// </summary>
public static class FunctionalRights
{
    /// <summary>May give a contact person a login as an external user. Internal users only.</summary>
    public const string CreateExternalUsers = "create-external-users";

    /// <summary>May grant and revoke rights. Internal users only.</summary>
    public const string ManageRights = "manage-rights";
}
