namespace UserTypes.Stores;

/// <summary>Which of a workspace's audit entries a store reads (<see cref="IAuditStore.ReadAuditAsync"/>), validated by the caller.</summary>
public sealed record AuditFilter
{
    /// <summary>Only entries whose <see cref="AuditEntry.SubjectUserId"/> is this, or <see langword="null"/>.</summary>
    public string? SubjectUserId { get; init; }

    /// <summary>Only entries of this action, or <see langword="null"/>.</summary>
    public string? Action { get; init; }

    /// <summary>Only entries at or after this instant, or <see langword="null"/>.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only entries before this instant, or <see langword="null"/>.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Highest <see cref="AuditEntry.Sequence"/> first when <see langword="true"/>.</summary>
    public bool Descending { get; init; }

    /// <summary>Only entries after this sequence in the order read (below it when descending), or <see langword="null"/> to start at the first.</summary>
    public long? After { get; init; }

    /// <summary>The most entries to return.</summary>
    public required int Limit { get; init; }
}
