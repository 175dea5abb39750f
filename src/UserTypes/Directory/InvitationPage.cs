namespace UserTypes;

/// <summary>One page of pending invitations, oldest first.</summary>
/// <param name="Invitations">The invitations of the page.</param>
/// <param name="ContinuationToken">The token of the next page, or <see langword="null"/> on the last page.</param>
public sealed record InvitationPage(IReadOnlyList<PendingInvitation> Invitations, string? ContinuationToken);
