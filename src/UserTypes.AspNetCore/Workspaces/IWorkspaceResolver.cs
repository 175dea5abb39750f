using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>Finds the workspace a request is for. Replace it to take the workspace from a host name, a claim or a token.</summary>
public interface IWorkspaceResolver
{
    /// <summary>Returns the workspace id of the request.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The workspace id, or <see langword="null"/> when the request names none.</returns>
    ValueTask<string?> ResolveAsync(HttpContext context);
}
