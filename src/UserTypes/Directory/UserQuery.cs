using System.ComponentModel.DataAnnotations;

namespace UserTypes;

/// <summary>Which accounts <see cref="IUserDirectory.ListUsersAsync"/> lists, and where a page starts.</summary>
public sealed record UserQuery
{
    /// <summary>Only accounts of this type; <see langword="null"/> for every type.</summary>
    public UserType? UserType { get; init; }

    /// <summary>Only enabled (or only disabled) accounts; <see langword="null"/> for both.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Only the account linked to this contact person; <see langword="null"/> for any.</summary>
    public string? PersonId { get; init; }

    /// <summary>A literal, case-insensitive prefix of the user name or the address (no wildcards); <see langword="null"/> for any.</summary>
    public string? Search { get; init; }

    /// <summary>How many accounts a page holds. Default 50; 1 to 1000.</summary>
    [Range(1, 1000)]
    public int PageSize { get; init; } = 50;

    /// <summary>The previous page's <see cref="UserPage.ContinuationToken"/>; opaque, and bound to the workspace and these filters.</summary>
    public string? ContinuationToken { get; init; }
}
