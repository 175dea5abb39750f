using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>
/// What every UserTypes requirement handler does first: read the user from the principal's claims (no store round
/// trip) and refuse when the request names another workspace than the principal's, so a cookie issued for one
/// workspace opens nothing in another. The request is the resource when it is an <see cref="HttpContext"/>, else the
/// current request (resource-based authorization, endpoint filters); outside a request only the principal counts.
/// </summary>
/// <typeparam name="TRequirement">The requirement.</typeparam>
internal abstract class UserTypesRequirementHandler<TRequirement>(IWorkspaceResolver workspaces, IHttpContextAccessor requests) : AuthorizationHandler<TRequirement>
    where TRequirement : IAuthorizationRequirement
{
    protected sealed override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TRequirement requirement)
    {
        if (AuthenticatedUser.FromPrincipal(context.User) is not { } user)
        {
            return;
        }

        var request = context.Resource as HttpContext ?? requests.HttpContext;
        if (request is not null
            && await workspaces.ResolveAsync(request).ConfigureAwait(false) is { } requested
            && !string.Equals(requested, user.WorkspaceId, StringComparison.Ordinal))
        {
            return;
        }

        if (IsMet(user, requirement))
        {
            context.Succeed(requirement);
        }
    }

    /// <summary>Whether the user meets the requirement.</summary>
    /// <param name="user">The user, from the principal's claims.</param>
    /// <param name="requirement">The requirement.</param>
    /// <returns>Whether it is met.</returns>
    protected abstract bool IsMet(AuthenticatedUser user, TRequirement requirement);
}
