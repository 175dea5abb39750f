using UserTypes.Sample.Contacts;
using UserTypes.Sample.Hosting;

namespace UserTypes.Sample.Invitations;

/// <summary>
/// Giving a contact person a login without choosing their password: an internal user holding
/// <c>create-external-users</c> invites, the person accepts with the token mailed to them and chooses the password.
/// </summary>
internal static class InvitationEndpoints
{
    public static RouteGroupBuilder MapInvitations(this RouteGroupBuilder workspace)
    {
        var invitations = workspace.MapGroup("/invitations");
        invitations.MapPost("/", InviteAsync).RequireAuthorization(SamplePolicies.CreateExternalUsers).RequireRateLimiting(SampleRateLimiting.CredentialsPolicy);
        invitations.MapGet("/", ListAsync).RequireAuthorization(SamplePolicies.CreateExternalUsers);
        invitations.MapDelete("/{id}", RevokeAsync).RequireAuthorization(SamplePolicies.CreateExternalUsers);
        invitations.MapPost("/accept", AcceptAsync).RequireRateLimiting(SampleRateLimiting.CredentialsPolicy);
        return workspace;
    }

    private static async Task<IResult> InviteAsync(
        string workspaceId, InvitationRequest request, HttpContext context, IUserDirectory users, ContactStore contacts, CancellationToken cancellationToken)
    {
        if (AuthenticatedUser.FromPrincipal(context.User) is not { } actor)
        {
            return TypedResults.Forbid();
        }

        if (!(await contacts.ListAsync(workspaceId, cancellationToken)).Any(contact => contact.PersonId == request.PersonId))
        {
            return TypedResults.Problem($"There is no contact person '{request.PersonId}' in this workspace.", statusCode: StatusCodes.Status404NotFound);
        }

        await users.InviteExternalUserAsync(actor, request.PersonId, request.Email, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<IResult> ListAsync(string workspaceId, string? continuationToken, IUserDirectory users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.ListInvitationsAsync(workspaceId, new InvitationQuery { ContinuationToken = continuationToken }, cancellationToken));

    private static async Task<IResult> RevokeAsync(string workspaceId, string id, IUserDirectory users, CancellationToken cancellationToken)
    {
        await users.RevokeInvitationAsync(workspaceId, id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> AcceptAsync(string workspaceId, AcceptInvitationRequest request, IUserDirectory users, CancellationToken cancellationToken) =>
        TypedResults.Created((string?)null, Accounts.AccountResponse.From(
            await users.AcceptInvitationAsync(workspaceId, request.Email, request.Token, request.UserName, request.Password, cancellationToken)));
}
