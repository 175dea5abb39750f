using System.Collections.Concurrent;

namespace UserTypes;

/// <summary>
/// The implicit anonymous user of each workspace, so a call without credentials costs no store round trip. An entry
/// is valid only for the workspace version it was built at (a licence change moves the version) and the account
/// generation it was read at: the user directory bumps the generation whenever the anonymous account or its grant
/// changes, so an entry built from a read that raced with the change is never served.
/// </summary>
internal sealed class ImplicitAnonymousCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public ImplicitAnonymousCache(WorkspaceChangeSignal changes) => changes.Raised += workspaceId =>
    {
        if (workspaceId is not null)
        {
            Invalidate(workspaceId);
            return;
        }

        foreach (var id in _entries.Keys)
        {
            Invalidate(id);
        }
    };

    /// <summary>The current account generation of a workspace; read it before reading the account.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <returns>The generation.</returns>
    public long GenerationOf(string workspaceId) => _generations.GetValueOrDefault(workspaceId);

    /// <summary>Returns the cached user if it is still current for <paramref name="workspace"/>.</summary>
    /// <param name="workspace">The workspace snapshot of this call.</param>
    /// <param name="user">The cached user.</param>
    /// <returns>Whether a current entry was found.</returns>
    public bool TryGet(WorkspaceRecord workspace, out AuthenticatedUser user)
    {
        if (_entries.TryGetValue(workspace.Id, out var entry)
            && entry.WorkspaceVersion == workspace.Version
            && entry.Generation == GenerationOf(workspace.Id))
        {
            user = entry.User;
            return true;
        }

        user = null!;
        return false;
    }

    /// <summary>Caches a user built from an account read at <paramref name="generation"/>.</summary>
    /// <param name="workspace">The workspace snapshot the user was built with.</param>
    /// <param name="generation">The generation read before the account was.</param>
    /// <param name="user">The user.</param>
    public void Set(WorkspaceRecord workspace, long generation, AuthenticatedUser user) =>
        _entries[workspace.Id] = new Entry(user, workspace.Version, generation);

    /// <summary>Drops the workspace's entry: its anonymous account changed.</summary>
    /// <param name="workspaceId">The workspace.</param>
    public void Invalidate(string workspaceId)
    {
        _generations.AddOrUpdate(workspaceId, 1, static (_, generation) => generation + 1);
        _entries.TryRemove(workspaceId, out _);
    }

    private sealed record Entry(AuthenticatedUser User, long WorkspaceVersion, long Generation);
}
