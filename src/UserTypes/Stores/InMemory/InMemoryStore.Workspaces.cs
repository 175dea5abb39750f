namespace UserTypes.Stores;

internal sealed partial class InMemoryStore
{
    public Task<bool> TryCreateAsync(WorkspaceRecord workspace, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tenant = TenantOf(workspace.Id);
        lock (tenant.Gate)
        {
            if (!_workspaces.TryAdd(workspace.Id, workspace))
            {
                return Task.FromResult(false);
            }

            tenant.Append(audit);
        }

        changes.WorkspaceChanged(workspace.Id);
        return Task.FromResult(true);
    }

    public Task<WorkspaceRecord?> FindAsync(string workspaceId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_workspaces.GetValueOrDefault(workspaceId));
    }

    public Task<WorkspaceRecord?> TryApplyAsync(WorkspaceChange change, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        WorkspaceRecord next;
        var tenant = TenantOf(change.WorkspaceId);
        lock (tenant.Gate)
        {
            if (!_workspaces.TryGetValue(change.WorkspaceId, out var current) || current.Version != change.ExpectedVersion)
            {
                return Task.FromResult<WorkspaceRecord?>(null);
            }

            // Readers take the snapshot without the lock; writers swap it under the lock, with its entries.
            next = Apply(current, change);
            _workspaces[current.Id] = next;
            tenant.Append(audit);
        }

        changes.WorkspaceChanged(change.WorkspaceId);
        return Task.FromResult<WorkspaceRecord?>(next);
    }

    private static WorkspaceRecord Apply(WorkspaceRecord current, WorkspaceChange change) => current with
    {
        Version = current.Version + 1,
        Collaborators = Upsert(current.Collaborators, change.RemovedCollaborators, change.UpsertedCollaborators, c => c.Email),
        SignupDomains = Upsert(current.SignupDomains, change.RemovedSignupDomains, change.UpsertedSignupDomains, d => d.Domain),
        TrustedIssuers = Upsert(current.TrustedIssuers, change.RemovedTrustedIssuers, change.UpsertedTrustedIssuers, i => i.Issuer),
        License = change.License ?? current.License,
    };

    // An upserted item already present keeps its place, as the relational stores' ON CONFLICT DO UPDATE keeps its row;
    // new ones are appended.
    private static List<T> Upsert<T>(IReadOnlyList<T> current, IReadOnlyList<string> removed, IReadOnlyList<T> upserted, Func<T, string> key)
    {
        var gone = new HashSet<string>(removed, StringComparer.Ordinal);
        var result = current.Where(item => !gone.Contains(key(item))).ToList();
        foreach (var item in upserted)
        {
            var index = result.FindIndex(existing => key(existing) == key(item));
            if (index < 0)
            {
                result.Add(item);
            }
            else
            {
                result[index] = item;
            }
        }

        return result;
    }
}
