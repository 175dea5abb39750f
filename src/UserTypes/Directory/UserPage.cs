namespace UserTypes;

/// <summary>One page of accounts, ordered by normalised user name, then id.</summary>
/// <param name="Users">The accounts of the page.</param>
/// <param name="ContinuationToken">The token of the next page, or <see langword="null"/> on the last page.</param>
public sealed record UserPage(IReadOnlyList<UserAccount> Users, string? ContinuationToken);
