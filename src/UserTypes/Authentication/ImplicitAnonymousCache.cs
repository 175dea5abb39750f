using System.Collections.Concurrent;

namespace UserTypes;

/// <summary>
/// The implicit anonymous user of each workspace, so a call without credentials costs no store round trip. An entry
/// is valid only for the workspace version it was built at (a licence change moves the version) and the account
/// generation it was read at. The store's change signal bumps the generation whenever the anonymous account (or
/// possibly it) changes, so an entry built from a read that raced with the change is never served.
/// </summary>
internal sealed class ImplicitAnonymousCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    // Moves when anything may have changed, so a read under way for any workspace is not cached either.
    private long _everything;

    public ImplicitAnonymousCache(StoreChangeSignal changes) => changes.Subscribe(change =>
    {
        if (change.WorkspaceId is not { } workspaceId)
        {
            Interlocked.Increment(ref _everything);
            _entries.Clear();
        }
        else
        {
            // Any account of the workspace may be (or be about to become) the anonymous one, and a read may be under
            // way: re-reading one account after a write is cheaper than being clever here.
            Invalidate(workspaceId);
        }
    });

    /// <summary>The current account generation of a workspace; read it before reading the account.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <returns>The generation.</returns>
    /// <remarks>Both counters only grow, so their sum moves whenever either does.</remarks>
    public long GenerationOf(string workspaceId) => _generations.GetValueOrDefault(workspaceId) + Volatile.Read(ref _everything);

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

    private void Invalidate(string workspaceId)
    {
        _generations.AddOrUpdate(workspaceId, 1, static (_, generation) => generation + 1);
        _entries.TryRemove(workspaceId, out _);
    }

    private sealed record Entry(AuthenticatedUser User, long WorkspaceVersion, long Generation);
}
