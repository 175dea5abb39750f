using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>Meets a <see cref="DataRightRequirement"/> when the user has every one of its rights on the entity.</summary>
internal sealed class DataRightRequirementHandler(IWorkspaceResolver workspaces, IHttpContextAccessor requests)
    : UserTypesRequirementHandler<DataRightRequirement>(workspaces, requests)
{
    protected override bool IsMet(AuthenticatedUser user, DataRightRequirement requirement) => user.Rights.Allows(requirement.Entity, requirement.Rights);
}
