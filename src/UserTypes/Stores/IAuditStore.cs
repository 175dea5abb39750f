namespace UserTypes.Stores;

/// <summary>
/// Reads and purges the audit trail. Entries are written by the other store capabilities, each in the same atomic
/// step as the change it records (the <c>audit</c> parameters of their writes): a write that does not commit leaves
/// no entry, and a committed write always has its entries.
/// </summary>
/// <remarks>
/// The store assigns <see cref="AuditEntry.Sequence"/>: strictly increasing per workspace in the order the writes
/// commit, so a reader paging forward never sees a smaller number appear behind it. Gaps are allowed. Entries reach a
/// store complete and checked, with a <see cref="AuditEntry.Sequence"/> of 0. Every implementation must pass the store
/// specification (package <c>UserTypes.Specification.Tests</c>).
/// </remarks>
public interface IAuditStore
{
    /// <summary>Reads one page of a workspace's entries; see <see cref="AuditFilter"/>.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="filter">The filters, order, position and the page's size.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>At most <see cref="AuditFilter.Limit"/> entries, ordered by <see cref="AuditEntry.Sequence"/>.</returns>
    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string workspaceId, AuditFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// Removes, of the oldest <paramref name="limit"/> entries of any workspace (in the order they were written), those made
    /// before <paramref name="before"/>: a purge looks at no more than its limit, however large the trail.
    /// </summary>
    /// <param name="before">The cut-off: entries with an earlier <see cref="AuditEntry.At"/> go.</param>
    /// <param name="limit">The most entries looked at, and so removed, by this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many were removed; fewer than <paramref name="limit"/> means the oldest entries left are not older.</returns>
    Task<int> PurgeAuditAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);
}
