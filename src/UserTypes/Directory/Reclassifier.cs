namespace UserTypes;

/// <summary>
/// Brings the user types of a workspace's classified accounts in line with its current collaborators and signup
/// domains. Used after every workspace change and by <see cref="IUserDirectory.ReclassifyAsync"/>: one pass, one code.
/// </summary>
internal sealed class Reclassifier(IUserClassificationStore users, WorkspaceLookupCache cache, AuditRecorder audit)
{
    /// <summary>Runs a pass with the newest lookup of the workspace.</summary>
    /// <param name="workspaceId">A valid workspace id.</param>
    /// <param name="cancellationToken">Cancels the pass before it writes.</param>
    /// <returns>The report, with the over-limit flags set from the licence.</returns>
    /// <exception cref="WorkspaceNotFoundException">No workspace has that id.</exception>
    public async Task<ReclassificationReport> RunAsync(string workspaceId, CancellationToken cancellationToken)
    {
        var lookup = await cache.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < OptimisticConcurrency.MaxAttempts; attempt++)
        {
            var current = lookup;
            var report = await users.ReclassifyAsync(
                workspaceId,
                current.Workspace.Version,
                email => UserClassifier.Classify(current, email).Classification.UserType,
                audit.Entry(workspaceId, AuditActions.UserTypeChanged, audit.TrustedActorIn(workspaceId), null, "Reclassified: the workspace's collaborators or signup domains say so now."),
                cancellationToken).ConfigureAwait(false);
            if (report is not null)
            {
                audit.Written(AuditActions.UserTypeChanged, report.BecameInternal + report.BecameExternal);
                var license = current.Workspace.License;
                return report with
                {
                    OverInternalLimit = report.InternalUsers > license.MaxInternalUsers,
                    OverExternalLimit = report.ExternalUsers > license.MaxExternalUsers,
                };
            }

            // Another writer (perhaps another process) applied a newer version: classify with that one.
            lookup = await cache.ReloadAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        }

        throw OptimisticConcurrency.Exhausted($"the reclassification of workspace '{workspaceId}'");
    }

    /// <summary>
    /// Re-runs the pass if the workspace changed while an account was being classified and created, so an account
    /// created with an old classification after the change's own pass read the accounts is not left stale.
    /// </summary>
    /// <param name="classifiedWith">The lookup the new account was classified with.</param>
    /// <param name="cancellationToken">Cancels the pass.</param>
    /// <returns>Whether a pass ran, so that the account may have changed.</returns>
    public async Task<bool> CatchUpAsync(WorkspaceLookup classifiedWith, CancellationToken cancellationToken)
    {
        // A change drops the cached workspace, so what is cached now (or read now) is at least as new as any change
        // that finished before the account was written.
        var workspaceId = classifiedWith.Workspace.Id;
        var latest = await cache.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        if (latest.Workspace.Version == classifiedWith.Workspace.Version)
        {
            return false;
        }

        await RunAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
