using Microsoft.AspNetCore.Authorization;

namespace UserTypes.AspNetCore;

/// <summary>
/// Decides the UserTypes requirements from the principal's claims alone: the user type and the rights computed at
/// login travel with the principal, so no request needs a store round trip.
/// </summary>
internal sealed class UserTypesAuthorizationHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        var userType = context.User.FindFirst(UserTypesClaimTypes.UserType)?.Value;
        EffectiveRights? rights = null;
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            var met = requirement switch
            {
                UserTypeRequirement types => userType is not null && types.UserTypes.Any(type => UserTypesClaimTypes.ValueOf(type) == userType),
                FunctionalRightRequirement functional => userType is not null && (rights ??= EffectiveRights.FromPrincipal(context.User)).Has(functional.FunctionalRight),
                DataRightRequirement data => userType is not null && (rights ??= EffectiveRights.FromPrincipal(context.User)).Allows(data.Entity, data.Rights),
                _ => (bool?)null,
            };
            if (met == true)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
