using UserTypes.Sample.Hosting;

namespace UserTypes.Sample.ApiKeys;

/// <summary>
/// API keys for service agents: a signed-in user (or a service call with a password) creates keys for its own
/// account, lists and revokes them; administrators (<c>manage-rights</c>) list and revoke every key of the workspace.
/// An agent then sends <c>Authorization: Bearer &lt;key&gt;</c> on each call and acts as the account, never more.
/// </summary>
internal static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeys(this RouteGroupBuilder workspace)
    {
        var own = workspace.MapGroup("/me/api-keys").RequireAuthorization(SamplePolicies.AnyUser);
        own.MapPost("/", CreateAsync);
        own.MapGet("/", ListOwnAsync);
        own.MapDelete("/{id}", RevokeOwnAsync);

        var all = workspace.MapGroup("/api-keys").RequireAuthorization(SamplePolicies.ManageRights);
        all.MapGet("/", (string workspaceId, int? pageSize, string? continuationToken, IApiKeys keys, CancellationToken cancellationToken) =>
            keys.ListWorkspaceKeysAsync(workspaceId, new ApiKeyQuery { PageSize = pageSize ?? 50, ContinuationToken = continuationToken }, cancellationToken));
        all.MapDelete("/{id}", async (string workspaceId, string id, IApiKeys keys, CancellationToken cancellationToken) =>
        {
            await keys.RevokeWorkspaceKeyAsync(workspaceId, id, cancellationToken);
            return TypedResults.NoContent();
        });
        return workspace;
    }

    private static async Task<IResult> CreateAsync(string workspaceId, CreateApiKeyRequest request, HttpContext context, IApiKeys keys, CancellationToken cancellationToken)
    {
        if (AuthenticatedUser.FromPrincipal(context.User) is not { } user || user.IsImplicitAnonymous)
        {
            return TypedResults.Forbid();
        }

        var created = await keys.CreateAsync(user, request.Name, request.ExpiresAt, cancellationToken);
        return TypedResults.Created($"/workspaces/{workspaceId}/me/api-keys/{created.ApiKey.Id}", new CreatedApiKeyResponse(created.ApiKey.Id, created.Key));
    }

    private static async Task<IResult> ListOwnAsync(HttpContext context, IApiKeys keys, CancellationToken cancellationToken) =>
        AuthenticatedUser.FromPrincipal(context.User) is { IsImplicitAnonymous: false } user
            ? TypedResults.Ok(await keys.ListAsync(user, cancellationToken))
            : TypedResults.Forbid();

    private static async Task<IResult> RevokeOwnAsync(string id, HttpContext context, IApiKeys keys, CancellationToken cancellationToken)
    {
        if (AuthenticatedUser.FromPrincipal(context.User) is not { IsImplicitAnonymous: false } user)
        {
            return TypedResults.Forbid();
        }

        await keys.RevokeAsync(user, id, cancellationToken);
        return TypedResults.NoContent();
    }
}
