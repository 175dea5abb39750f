using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>Meets a <see cref="FunctionalRightRequirement"/> when the user holds the right.</summary>
internal sealed class FunctionalRightRequirementHandler(IWorkspaceResolver workspaces, IHttpContextAccessor requests)
    : UserTypesRequirementHandler<FunctionalRightRequirement>(workspaces, requests)
{
    protected override bool IsMet(AuthenticatedUser user, FunctionalRightRequirement requirement) => user.Rights.Has(requirement.FunctionalRight);
}
