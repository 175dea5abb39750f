using System.Collections.Concurrent;

namespace UserTypes;

/// <summary>
/// What each account's sessions may do, so that a request whose account did not change costs no store round trip.
/// An entry is valid only for the generation it was read at: the store's change signal moves the account's generation
/// when it changes (a session removed is a change of its account), the workspace's when the workspace does, and all of
/// them when anything may have changed, so an entry read while a change raced with it is never served.
/// </summary>
internal sealed class SessionCache
{
    private readonly ConcurrentDictionary<(string WorkspaceId, string UserId), SessionEntry> _entries = new();
    private readonly ConcurrentDictionary<(string WorkspaceId, string UserId), long> _accounts = new();
    private readonly ConcurrentDictionary<string, long> _workspaces = new(StringComparer.Ordinal);
    private long _everything;

    public SessionCache(StoreChangeSignal changes) => changes.Changed += (_, change) =>
    {
        if (change.WorkspaceId is not { } workspaceId)
        {
            Interlocked.Increment(ref _everything);
            _entries.Clear();
        }
        else if (change.UserId is not { } userId)
        {
            _workspaces.AddOrUpdate(workspaceId, 1, static (_, generation) => generation + 1);
            foreach (var key in _entries.Keys.Where(key => key.WorkspaceId == workspaceId))
            {
                _entries.TryRemove(key, out SessionEntry? _);
            }
        }
        else
        {
            _accounts.AddOrUpdate((workspaceId, userId), 1, static (_, generation) => generation + 1);
            _entries.TryRemove((workspaceId, userId), out SessionEntry? _);
        }
    };

    /// <summary>The current generation of an account; read it before reading the account.</summary>
    /// <remarks>The counters only grow, so their sum moves whenever any of them does.</remarks>
    public long GenerationOf(string workspaceId, string userId) =>
        Volatile.Read(ref _everything) + _workspaces.GetValueOrDefault(workspaceId) + _accounts.GetValueOrDefault((workspaceId, userId));

    public bool TryGet(string workspaceId, string userId, DateTimeOffset now, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out SessionEntry entry) =>
        _entries.TryGetValue((workspaceId, userId), out entry) && now < entry.ValidUntil && entry.Generation == GenerationOf(workspaceId, userId);

    public void Set(string workspaceId, string userId, SessionEntry entry) => _entries[(workspaceId, userId)] = entry;
}
