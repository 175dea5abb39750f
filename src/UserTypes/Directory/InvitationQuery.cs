namespace UserTypes;

/// <summary>Where a page of <see cref="IUserDirectory.ListInvitationsAsync"/> starts, and its size.</summary>
public sealed record InvitationQuery
{
    /// <summary>How many invitations a page holds. Default 50; 1 to 1000.</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>The previous page's <see cref="InvitationPage.ContinuationToken"/>; opaque, bound to the workspace.</summary>
    public string? ContinuationToken { get; init; }
}
