using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>
/// The actor of a trusted host call made while a request is handled: the request's signed-in UserTypes user (a cookie
/// session or a service call with credentials), and only when that user belongs to the workspace the request names, so
/// that a user of one workspace is never recorded as acting in another's trail; never the implicit anonymous user;
/// nobody outside a request, or when the workspace cannot be told without waiting.
/// </summary>
internal sealed class HttpContextAuditActorAccessor(IHttpContextAccessor contexts, IWorkspaceResolver workspaces) : IAuditActorAccessor
{
    public string? ActorUserId
    {
        get
        {
            if (contexts.HttpContext is not { } context || AuthenticatedUser.FromPrincipal(context.User) is not { IsImplicitAnonymous: false } user)
            {
                return null;
            }

            var resolving = workspaces.ResolveAsync(context);
            return resolving.IsCompletedSuccessfully && resolving.Result == user.WorkspaceId ? user.UserId : null;
        }
    }
}
