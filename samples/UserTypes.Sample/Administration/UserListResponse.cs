namespace UserTypes.Sample.Administration;

/// <summary>One page of accounts, and the token of the next one (none on the last page).</summary>
internal sealed record UserListResponse(IReadOnlyList<UserSummary> Users, string? ContinuationToken);
