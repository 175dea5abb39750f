namespace UserTypes;

/// <summary>One page of a workspace's audit trail.</summary>
/// <param name="Entries">The entries, in the order asked for.</param>
/// <param name="ContinuationToken">The token of the next page, or <see langword="null"/> when this is the last.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? ContinuationToken);
