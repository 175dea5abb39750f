using System.ComponentModel.DataAnnotations;

namespace UserTypes.AspNetCore;

/// <summary>
/// Where the default <see cref="IWorkspaceResolver"/> finds a request's workspace. One setting for the scheme and the
/// authorization handlers alike: configure it with <c>services.Configure&lt;UserTypesWorkspaceOptions&gt;(...)</c>.
/// </summary>
public sealed class UserTypesWorkspaceOptions
{
    /// <summary>The route value read first. Default <c>workspaceId</c>.</summary>
    [Required]
    public string RouteValue { get; set; } = "workspaceId";

    /// <summary>The request header read when the route has no workspace. Default <c>X-Workspace</c>.</summary>
    [Required]
    public string Header { get; set; } = "X-Workspace";
}
