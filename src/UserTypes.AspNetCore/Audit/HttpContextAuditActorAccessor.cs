using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>
/// The actor of a trusted host call made while a request is handled: the request's signed-in UserTypes user (a cookie
/// session or a service call with credentials), never the implicit anonymous user; nobody outside a request.
/// </summary>
internal sealed class HttpContextAuditActorAccessor(IHttpContextAccessor contexts) : IAuditActorAccessor
{
    public string? ActorUserId =>
        contexts.HttpContext?.User is { } principal && AuthenticatedUser.FromPrincipal(principal) is { IsImplicitAnonymous: false } user ? user.UserId : null;
}
