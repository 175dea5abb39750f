namespace UserTypes.Stores;

internal sealed partial class InMemoryStore
{
    public Task<bool> TryCreateAsync(WorkspaceRecord workspace, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var created = _workspaces.TryAdd(workspace.Id, workspace);
        if (created)
        {
            changes.WorkspaceChanged(workspace.Id);
        }

        return Task.FromResult(created);
    }

    public Task<WorkspaceRecord?> FindAsync(string workspaceId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_workspaces.GetValueOrDefault(workspaceId));
    }

    public Task<WorkspaceRecord?> TryApplyAsync(WorkspaceChange change, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_workspaces.TryGetValue(change.WorkspaceId, out var current) || current.Version != change.ExpectedVersion)
        {
            return Task.FromResult<WorkspaceRecord?>(null);
        }

        var next = Apply(current, change);

        // Only the snapshot the version was checked against may be replaced: a concurrent writer makes this fail.
        if (!_workspaces.TryUpdate(current.Id, next, current))
        {
            return Task.FromResult<WorkspaceRecord?>(null);
        }

        changes.WorkspaceChanged(current.Id);
        return Task.FromResult<WorkspaceRecord?>(next);
    }

    private static WorkspaceRecord Apply(WorkspaceRecord current, WorkspaceChange change) => current with
    {
        Version = current.Version + 1,
        Collaborators = Upsert(current.Collaborators, change.RemovedCollaborators, change.UpsertedCollaborators, c => c.Email),
        SignupDomains = Upsert(current.SignupDomains, change.RemovedSignupDomains, change.UpsertedSignupDomains, d => d.Domain),
        License = change.License ?? current.License,
    };

    private static List<T> Upsert<T>(IReadOnlyList<T> current, IReadOnlyList<string> removed, IReadOnlyList<T> upserted, Func<T, string> key)
    {
        var replaced = new HashSet<string>(removed, StringComparer.Ordinal);
        replaced.UnionWith(upserted.Select(key));
        var result = current.Where(item => !replaced.Contains(key(item))).ToList();
        result.AddRange(upserted);
        return result;
    }
}
