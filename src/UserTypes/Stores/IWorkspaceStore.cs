namespace UserTypes.Stores;

/// <summary>
/// Keeps workspaces: their collaborators, signup domains and licence. Implementations must be thread-safe and
/// make each call atomic; <see cref="TryApplyAsync"/> is a compare-and-swap on <see cref="WorkspaceRecord.Version"/>.
/// Every committed write raises <see cref="StoreChangeSignal.WorkspaceChanged"/>.
/// </summary>
/// <remarks>
/// Values reach a store already validated and canonical. Implement this only for a database UserTypes does not
/// ship; every implementation must pass the store specification (package <c>UserTypes.Specification.Tests</c>).
/// </remarks>
public interface IWorkspaceStore
{
    /// <summary>Adds a new workspace.</summary>
    /// <param name="workspace">The workspace at version 1.</param>
    /// <param name="audit">The entries that record the change, written in the same atomic step only if it is made.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> if added; <see langword="false"/> if a workspace with that id exists (nothing changes).</returns>
    Task<bool> TryCreateAsync(WorkspaceRecord workspace, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);

    /// <summary>Reads the current snapshot of a workspace.</summary>
    /// <param name="workspaceId">The workspace id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workspace, or <see langword="null"/> if there is none with that id.</returns>
    Task<WorkspaceRecord?> FindAsync(string workspaceId, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="change"/> if the workspace is still at its expected version.</summary>
    /// <param name="change">The change and the version it was computed from.</param>
    /// <param name="audit">The entries that record the change, written in the same atomic step only if it is made.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The workspace after the change, one version higher; <see langword="null"/> if the workspace is missing or
    /// at another version, in which case nothing changed.
    /// </returns>
    Task<WorkspaceRecord?> TryApplyAsync(WorkspaceChange change, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);
}
