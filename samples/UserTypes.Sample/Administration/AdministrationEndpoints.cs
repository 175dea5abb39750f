using UserTypes.Sample.Hosting;

namespace UserTypes.Sample.Administration;

/// <summary>
/// What an administrator's screen needs, guarded by <c>manage-rights</c>: finding and listing accounts, disabling,
/// enabling, unlocking, ending sessions, sending a reset link, deleting, a person's data export, and the workspace's
/// collaborators (adding one can turn every account at its domain internal).
/// </summary>
internal static class AdministrationEndpoints
{
    public static RouteGroupBuilder MapAdministration(this RouteGroupBuilder workspace)
    {
        var users = workspace.MapGroup("/users").RequireAuthorization(SamplePolicies.ManageRights);
        users.MapGet("/", ListAsync);
        users.MapGet("/{id}", GetAsync);
        users.MapPost("/{id}/disable", (string workspaceId, string id, IUserDirectory directory, CancellationToken cancellationToken) =>
            ChangedAsync(directory.SetEnabledAsync(workspaceId, id, enabled: false, cancellationToken)));
        users.MapPost("/{id}/enable", (string workspaceId, string id, IUserDirectory directory, CancellationToken cancellationToken) =>
            ChangedAsync(directory.SetEnabledAsync(workspaceId, id, enabled: true, cancellationToken)));
        users.MapPost("/{id}/unlock", (string workspaceId, string id, IUserDirectory directory, CancellationToken cancellationToken) =>
            ChangedAsync(directory.UnlockAsync(workspaceId, id, cancellationToken)));
        users.MapPost("/{id}/revoke-sessions", (string workspaceId, string id, IUserDirectory directory, CancellationToken cancellationToken) =>
            ChangedAsync(directory.RevokeSessionsAsync(workspaceId, id, cancellationToken)));
        users.MapPost("/{id}/password-reset", async (string workspaceId, string id, IUserDirectory directory, CancellationToken cancellationToken) =>
        {
            await directory.IssuePasswordResetAsync(workspaceId, id, cancellationToken);
            return TypedResults.Accepted((string?)null);
        }).RequireRateLimiting(SampleRateLimiting.CredentialsPolicy);
        users.MapDelete("/{id}", async (string workspaceId, string id, IUserDirectory directory, CancellationToken cancellationToken) =>
        {
            await directory.DeleteAsync(workspaceId, id, cancellationToken);
            return TypedResults.NoContent();
        });
        users.MapGet("/{id}/personal-data", async (string workspaceId, string id, IUserDirectory directory, CancellationToken cancellationToken) =>
            TypedResults.Text(await directory.ExportPersonalDataAsync(workspaceId, id, cancellationToken), "application/json"));

        var collaborators = workspace.MapGroup("/collaborators").RequireAuthorization(SamplePolicies.ManageRights);
        collaborators.MapPost("/", async (string workspaceId, CollaboratorRequest request, IWorkspaceDirectory workspaces, CancellationToken cancellationToken) =>
        {
            await workspaces.AddCollaboratorAsync(workspaceId, request.Email, request.Role, cancellationToken);
            return TypedResults.NoContent();
        });
        collaborators.MapDelete("/{email}", async (string workspaceId, string email, IWorkspaceDirectory workspaces, CancellationToken cancellationToken) =>
        {
            await workspaces.RemoveCollaboratorAsync(workspaceId, email, cancellationToken);
            return TypedResults.NoContent();
        });
        return workspace;
    }

    private static async Task<IResult> ListAsync(
        string workspaceId, UserType? type, string? search, string? continuationToken, IUserDirectory directory, CancellationToken cancellationToken)
    {
        var page = await directory.ListUsersAsync(workspaceId, new UserQuery { UserType = type, Search = search, ContinuationToken = continuationToken }, cancellationToken);
        return TypedResults.Ok(new UserListResponse([.. page.Users.Select(UserSummary.From)], page.ContinuationToken));
    }

    private static async Task<IResult> GetAsync(string workspaceId, string id, IUserDirectory directory, CancellationToken cancellationToken) =>
        await directory.FindByIdAsync(workspaceId, id, cancellationToken) is { } account ? TypedResults.Ok(UserSummary.From(account)) : TypedResults.NotFound();

    private static async Task<IResult> ChangedAsync(Task<UserAccount> change) => TypedResults.Ok(UserSummary.From(await change));
}
