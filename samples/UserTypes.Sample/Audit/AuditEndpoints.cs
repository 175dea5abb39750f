using UserTypes.Sample.Hosting;

namespace UserTypes.Sample.Audit;

/// <summary>
/// The workspace's audit trail for its administrators (<c>manage-rights</c>): who changed what, a page at a time, filtered
/// by account, action and time, oldest first or newest first.
/// </summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/audit", ReadAsync).RequireAuthorization(SamplePolicies.ManageRights);
        return workspace;
    }

    private static async Task<IResult> ReadAsync(
        string workspaceId,
        string? subject,
        string? action,
        DateTimeOffset? from,
        DateTimeOffset? to,
        bool? newestFirst,
        int? pageSize,
        string? continuationToken,
        IAuditLog log,
        CancellationToken cancellationToken)
    {
        var page = await log.ReadAsync(
            workspaceId,
            new AuditQuery
            {
                SubjectUserId = subject,
                Action = action,
                From = from,
                To = to,
                Descending = newestFirst ?? false,
                PageSize = pageSize ?? 50,
                ContinuationToken = continuationToken,
            },
            cancellationToken);
        return TypedResults.Ok(page);
    }
}
