using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>Meets a <see cref="UserTypeRequirement"/> when the user is of one of its types.</summary>
internal sealed class UserTypeRequirementHandler(IWorkspaceResolver workspaces, IHttpContextAccessor requests)
    : UserTypesRequirementHandler<UserTypeRequirement>(workspaces, requests)
{
    protected override bool IsMet(AuthenticatedUser user, UserTypeRequirement requirement) => requirement.UserTypes.Contains(user.UserType);
}
