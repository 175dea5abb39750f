using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>
/// Decides the UserTypes requirements from the principal's claims alone: the user type and the rights computed at
/// login travel with the principal, so no request needs a store round trip. Rights hold only in the principal's own
/// workspace: when the request names another one (route value or header, through <see cref="IWorkspaceResolver"/>),
/// no requirement is met, so a cookie issued for one workspace opens nothing in another.
/// </summary>
internal sealed class UserTypesAuthorizationHandler(IWorkspaceResolver workspaces) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        var requirements = context.PendingRequirements
            .Where(requirement => requirement is UserTypeRequirement or FunctionalRightRequirement or DataRightRequirement)
            .ToList();
        if (requirements.Count == 0 || AuthenticatedUser.FromPrincipal(context.User) is not { } user)
        {
            return;
        }

        if (context.Resource is HttpContext request
            && await workspaces.ResolveAsync(request).ConfigureAwait(false) is { } requested
            && !string.Equals(requested, user.WorkspaceId, StringComparison.Ordinal))
        {
            return;
        }

        foreach (var requirement in requirements)
        {
            var met = requirement switch
            {
                UserTypeRequirement types => types.UserTypes.Contains(user.UserType),
                FunctionalRightRequirement functional => user.Rights.Has(functional.FunctionalRight),
                DataRightRequirement data => user.Rights.Allows(data.Entity, data.Rights),
                _ => false,
            };
            if (met)
            {
                context.Succeed(requirement);
            }
        }
    }
}
