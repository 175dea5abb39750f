namespace UserTypes;

/// <summary>The claim types <see cref="AuthenticatedUser.ToClaimsPrincipal"/> writes, besides the name identifier and name.</summary>
public static class UserTypesClaimTypes
{
    /// <summary>The workspace id.</summary>
    public const string WorkspaceId = "usertypes:workspace";

    /// <summary>The user type: <c>Internal</c>, <c>External</c> or <c>Anonymous</c>.</summary>
    public const string UserType = "usertypes:user_type";

    /// <summary>One claim per effective functional right.</summary>
    public const string FunctionalRight = "usertypes:functional_right";

    /// <summary>One claim per entity: <c>entity=rights</c>, the rights as the integer value of <see cref="DataRights"/>.</summary>
    public const string DataRights = "usertypes:data_rights";
}
