using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace UserTypes.AspNetCore;

/// <summary>The default resolver: the route value, else the header, named in <see cref="UserTypesWorkspaceOptions"/>.</summary>
internal sealed class RouteOrHeaderWorkspaceResolver(IOptions<UserTypesWorkspaceOptions> options) : IWorkspaceResolver
{
    private readonly UserTypesWorkspaceOptions _options = options.Value;

    public ValueTask<string?> ResolveAsync(HttpContext context)
    {
        var fromRoute = context.Request.RouteValues.TryGetValue(_options.RouteValue, out var value) ? value?.ToString() : null;
        var workspace = fromRoute ?? context.Request.Headers[_options.Header].FirstOrDefault();
        return ValueTask.FromResult(string.IsNullOrWhiteSpace(workspace) ? null : workspace);
    }
}
