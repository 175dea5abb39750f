using Microsoft.AspNetCore.Authentication;

namespace UserTypes.AspNetCore;

/// <summary>Options of the UserTypes authentication scheme.</summary>
public sealed class UserTypesAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The route value the default workspace resolver reads first. Default <c>workspaceId</c>.</summary>
    public string WorkspaceRouteValue { get; set; } = "workspaceId";

    /// <summary>The request header the default workspace resolver reads when the route has no workspace. Default <c>X-Workspace</c>.</summary>
    public string WorkspaceHeader { get; set; } = "X-Workspace";

    /// <summary>The realm named in the <c>WWW-Authenticate</c> challenge. Default <c>UserTypes</c>.</summary>
    public string Realm { get; set; } = "UserTypes";
}
