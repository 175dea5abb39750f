namespace UserTypes;

/// <summary>
/// One change in a workspace's audit trail. It names accounts by id only and never holds a password, hash, token or
/// e-mail address, so deleting an account leaves no personal data in the trail.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>Its position in the workspace's trail: strictly increasing per workspace (gaps allowed), assigned by the store.</summary>
    public long Sequence { get; init; }

    /// <summary>When the change was made, from the injected <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The workspace.</summary>
    public string WorkspaceId { get; init; } = string.Empty;

    /// <summary>
    /// Who made the change: the acting user of a call that takes one; the account itself for self-service and mailbox
    /// calls; for trusted host calls what <see cref="IAuditActorAccessor"/> says; <see langword="null"/> when nobody did
    /// (a lockout) or the host did not say.
    /// </summary>
    public string? ActorUserId { get; init; }

    /// <summary>What was done: one of <see cref="AuditActions"/>.</summary>
    public string Action { get; init; } = string.Empty;

    /// <summary>The account the change is about, or <see langword="null"/> for a change of the workspace.</summary>
    public string? SubjectUserId { get; init; }

    /// <summary>One readable line about the change.</summary>
    public string Summary { get; init; } = string.Empty;
}
