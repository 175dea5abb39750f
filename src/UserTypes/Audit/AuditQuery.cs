namespace UserTypes;

/// <summary>Which entries of a workspace's trail to read (<see cref="IAuditLog.ReadAsync"/>), in which order, a page at a time.</summary>
public sealed record AuditQuery
{
    /// <summary>Only entries about this account, or <see langword="null"/> for all.</summary>
    public string? SubjectUserId { get; init; }

    /// <summary>Only entries of this action (one of <see cref="AuditActions"/>), or <see langword="null"/> for all.</summary>
    public string? Action { get; init; }

    /// <summary>Only entries at or after this instant, or <see langword="null"/>.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only entries before this instant, or <see langword="null"/>.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Newest first when <see langword="true"/>; oldest first by default.</summary>
    public bool Descending { get; init; }

    /// <summary>The most entries a page holds: 1 to 1000.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>The <see cref="AuditPage.ContinuationToken"/> of the previous page, or <see langword="null"/> for the first.</summary>
    public string? ContinuationToken { get; init; }
}
