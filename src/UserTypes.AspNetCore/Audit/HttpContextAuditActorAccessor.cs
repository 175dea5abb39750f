using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>
/// The actor of a trusted host call made while a request is handled: the request's signed-in UserTypes user (a cookie
/// session or a service call with credentials), and only for changes of the workspace that user belongs to, so that a
/// user of one workspace never appears in another's trail; never the implicit anonymous user; nobody outside a request.
/// </summary>
internal sealed class HttpContextAuditActorAccessor(IHttpContextAccessor contexts) : IAuditActorAccessor
{
    public string? ActorUserId => User?.UserId;

    public string? ActorUserIdIn(string workspaceId) => User is { } user && user.WorkspaceId == workspaceId ? user.UserId : null;

    private AuthenticatedUser? User =>
        contexts.HttpContext?.User is { } principal && AuthenticatedUser.FromPrincipal(principal) is { IsImplicitAnonymous: false } user ? user : null;
}
