namespace UserTypes;

/// <summary>The claim types <see cref="AuthenticatedUser.ToClaimsPrincipal"/> writes, besides the name identifier and name.</summary>
public static class UserTypesClaimTypes
{
    /// <summary>The workspace id.</summary>
    public const string WorkspaceId = "usertypes:workspace";

    /// <summary>The user type: <c>internal</c>, <c>external</c> or <c>anonymous</c>.</summary>
    public const string UserType = "usertypes:user_type";

    /// <summary>One claim per effective functional right.</summary>
    public const string FunctionalRight = "usertypes:functional_right";

    /// <summary>One claim per entity named in the rights: <c>entity=rights</c>, the integer value of the <see cref="DataRights"/> on that entity (its own and <c>*</c>'s together).</summary>
    public const string DataRights = "usertypes:data_rights";

    /// <summary>The account's <see cref="UserAccount.SecurityStamp"/> when the principal was issued.</summary>
    public const string SecurityStamp = "usertypes:security_stamp";

    /// <summary>The id of the API key a service call authenticated with (<see cref="AuthenticatedUser.ApiKeyId"/>).</summary>
    public const string ApiKeyId = "usertypes:api_key";

    /// <summary>The id of the session a session principal (<see cref="UserSession.ToClaimsPrincipal"/>) belongs to.</summary>
    public const string SessionId = "usertypes:session";

    /// <summary>The value of the <see cref="UserType"/> claim for a user type.</summary>
    /// <param name="userType">The user type.</param>
    /// <returns><c>internal</c>, <c>external</c> or <c>anonymous</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="userType"/> is not defined.</exception>
    public static string ValueOf(UserTypes.UserType userType) => userType switch
    {
        UserTypes.UserType.Internal => "internal",
        UserTypes.UserType.External => "external",
        UserTypes.UserType.Anonymous => "anonymous",
        _ => throw new ArgumentOutOfRangeException(nameof(userType), userType, "Not a user type."),
    };

    /// <summary>The user type a <see cref="UserType"/> claim value names, or <see langword="null"/> for any other value.</summary>
    internal static UserTypes.UserType? TryParse(string? value) => value switch
    {
        "internal" => UserTypes.UserType.Internal,
        "external" => UserTypes.UserType.External,
        "anonymous" => UserTypes.UserType.Anonymous,
        _ => null,
    };
}
