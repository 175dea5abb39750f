namespace UserTypes;

/// <summary>Where a page of <see cref="IApiKeys.ListWorkspaceKeysAsync"/> starts, and its size.</summary>
public sealed record ApiKeyQuery
{
    /// <summary>How many keys a page holds. Default 50; 1 to 1000.</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>The previous page's <see cref="ApiKeyPage.ContinuationToken"/>; opaque, bound to the workspace and the query.</summary>
    public string? ContinuationToken { get; init; }
}
