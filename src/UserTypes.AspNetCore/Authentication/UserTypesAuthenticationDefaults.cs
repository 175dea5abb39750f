namespace UserTypes.AspNetCore;

/// <summary>Default names of the UserTypes authentication scheme.</summary>
public static class UserTypesAuthenticationDefaults
{
    /// <summary>The scheme name for service calls: HTTP Basic credentials, or none for the implicit anonymous user.</summary>
    public const string AuthenticationScheme = "UserTypes";
}
