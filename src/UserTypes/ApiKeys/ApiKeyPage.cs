namespace UserTypes;

/// <summary>One page of a workspace's API keys, oldest first.</summary>
/// <param name="Keys">The keys of the page.</param>
/// <param name="ContinuationToken">The token of the next page, or <see langword="null"/> on the last page.</param>
public sealed record ApiKeyPage(IReadOnlyList<ApiKey> Keys, string? ContinuationToken);
