namespace UserTypes;

/// <summary>An invitation not yet accepted, as the host lists it: never its token.</summary>
/// <param name="Id">The invitation's id, for <see cref="IUserDirectory.RevokeInvitationAsync"/>.</param>
/// <param name="WorkspaceId">The workspace.</param>
/// <param name="Email">The invited address.</param>
/// <param name="UserType">The type the account will have: internal or external.</param>
/// <param name="PersonId">For an external invitation, the contact person the account will be linked to.</param>
/// <param name="InvitedByUserId">For an external invitation, the internal user who invited.</param>
/// <param name="CreatedAt">When the invitation was sent.</param>
/// <param name="ExpiresAt">When it stops being valid.</param>
public sealed record PendingInvitation(
    string Id, string WorkspaceId, string Email, UserType UserType, string? PersonId, string? InvitedByUserId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
