namespace UserTypes;

/// <summary>
/// The audit trail: one entry for every change of the directory and of a workspace, written by the store in the same
/// transaction as the change it records, so a change that fails or rolls back leaves none and a committed change
/// always has one. Registered by <c>AddUserTypes</c>; every store package keeps the entries.
/// </summary>
public interface IAuditLog
{
    /// <summary>Reads one page of a workspace's trail, oldest first unless <see cref="AuditQuery.Descending"/>.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="query">Filters, order, page size and the position to continue from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries and the token of the next page, if there is one.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="workspaceId"/> is malformed, or <paramref name="query"/> is not valid (a page size outside 1..1000,
    /// <see cref="AuditQuery.From"/> after <see cref="AuditQuery.To"/>, an unknown action, or a continuation token made
    /// for another workspace or other filters).
    /// </exception>
    /// <exception cref="WorkspaceNotFoundException">There is no such workspace.</exception>
    Task<AuditPage> ReadAsync(string workspaceId, AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the entries older than <see cref="AuditOptions.Retention"/> in every workspace, in batches of
    /// <see cref="AuditOptions.PurgeBatchSize"/>, so that no single statement holds the trail for long. Does nothing when
    /// no retention is set. <c>UserTypes.AspNetCore</c> runs it every hour.
    /// </summary>
    /// <param name="cancellationToken">Cancels the purge between two batches; the batches done stay done.</param>
    /// <returns>How many entries were removed.</returns>
    Task<long> PurgeAsync(CancellationToken cancellationToken = default);
}
