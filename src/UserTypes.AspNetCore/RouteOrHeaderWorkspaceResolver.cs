using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace UserTypes.AspNetCore;

/// <summary>The default resolver: the route value, else the header, named in <see cref="UserTypesAuthenticationOptions"/>.</summary>
internal sealed class RouteOrHeaderWorkspaceResolver(IOptionsMonitor<UserTypesAuthenticationOptions> options) : IWorkspaceResolver
{
    public ValueTask<string?> ResolveAsync(HttpContext context)
    {
        var current = options.Get(UserTypesAuthenticationDefaults.AuthenticationScheme);
        var fromRoute = context.Request.RouteValues.TryGetValue(current.WorkspaceRouteValue, out var value) ? value?.ToString() : null;
        var workspace = fromRoute ?? context.Request.Headers[current.WorkspaceHeader].FirstOrDefault();
        return ValueTask.FromResult(string.IsNullOrWhiteSpace(workspace) ? null : workspace);
    }
}
