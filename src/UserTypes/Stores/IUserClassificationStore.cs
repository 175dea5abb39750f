namespace UserTypes.Stores;

/// <summary>
/// Re-types classified accounts when a workspace's collaborators or signup domains change, and counts the seats in
/// use: what reclassification and the seat report need.
/// </summary>
public interface IUserClassificationStore
{
    /// <summary>Counts the seats in use.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Enabled internal and external accounts.</returns>
    Task<SeatCounts> CountSeatsAsync(string workspaceId, CancellationToken cancellationToken);

    /// <summary>
    /// Gives every <see cref="UserTypeSource.Classified"/> account of the workspace the type <paramref name="classify"/>
    /// returns for its e-mail address, in one atomic pass. Passes are serialised per workspace, and a pass computed
    /// from an older workspace version than the last one applied is refused, so an old classification never
    /// overwrites a newer one. Never disables or deletes an account, and never re-types the workspace's last enabled
    /// administrator (<see cref="StoredUser.IsAdministrator"/>) to a type other than internal: that account keeps its
    /// type. A re-typed account that is no longer internal is no longer an administrator. A pass that changed an account must raise
    /// <see cref="StoreChangeSignal.WorkspaceChanged"/> (one that changed nothing may).
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="workspaceVersion">The workspace version <paramref name="classify"/> was compiled from.</param>
    /// <param name="classify">The user type for a canonical e-mail address.</param>
    /// <param name="audit">
    /// The pass's entry; for each account the pass re-types, <see cref="Reclassification.AuditOf"/> makes one from it,
    /// written in the same atomic pass.
    /// </param>
    /// <param name="cancellationToken">Cancels the call before it writes.</param>
    /// <returns>
    /// The counts (the over-limit flags left <see langword="false"/> for the caller to set), or <see langword="null"/>
    /// when a pass from a newer workspace version has already been applied and nothing was changed.
    /// </returns>
    Task<ReclassificationReport?> ReclassifyAsync(string workspaceId, long workspaceVersion, Func<string, UserType> classify, AuditEntry audit, CancellationToken cancellationToken);
}
