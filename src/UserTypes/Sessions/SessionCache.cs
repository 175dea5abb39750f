using System.Collections.Concurrent;

namespace UserTypes;

/// <summary>
/// What each account's sessions may do, so that a request whose account did not change costs no store round trip.
/// An entry is valid only for the generation it was read at: the store's change signal moves the account's generation
/// when it changes (a session removed is a change of its account), the workspace's when the workspace does, and all of
/// them when anything may have changed, so an entry read while a change raced with it is never served. It is valid
/// only while the workspace lookup it was judged with is the one cached, so it never outlives that lookup, whichever
/// of the two caches hears of a change first. And it is read again after <see cref="MaxAge"/> whatever happens, in
/// case a change was never heard of at all.
/// </summary>
/// <remarks>
/// Memory stays bounded however many accounts come and go: generations are counted in fixed stripes (a change moves
/// its stripe, so other accounts in it are read once more, never served stale), entries are dropped wholesale after
/// <see cref="MaxEntries"/> writes, and so are the remembered ended sessions past <see cref="MaxEndedSessions"/>.
/// </remarks>
internal sealed class SessionCache
{
    /// <summary>The longest an entry is served without a store read.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private const int Stripes = 4096;
    private const int MaxEntries = 100_000;
    private const int MaxEndedSessions = 100_000;

    private readonly ConcurrentDictionary<(string WorkspaceId, string UserId), SessionEntry> _entries = new();
    private readonly ConcurrentDictionary<string, bool> _ended = new(StringComparer.Ordinal);
    private readonly long[] _accounts = new long[Stripes];
    private readonly long[] _workspaces = new long[Stripes];
    private readonly WorkspaceLookupCache _lookups;
    private long _everything;

    // Writes since the entries were last cleared: counted, because ConcurrentDictionary.Count takes every lock.
    private int _writes;
    private int _endedWrites;

    public SessionCache(StoreChangeSignal changes, WorkspaceLookupCache lookups)
    {
        _lookups = lookups;
        changes.Subscribe(change =>
        {
            if (change.WorkspaceId is not { } workspaceId)
            {
                Interlocked.Increment(ref _everything);
                _entries.Clear();
            }
            else if (change.UserId is not { } userId)
            {
                Interlocked.Increment(ref _workspaces[Stripe(workspaceId)]);
            }
            else
            {
                Interlocked.Increment(ref _accounts[Stripe(workspaceId, userId)]);
                _entries.TryRemove((workspaceId, userId), out SessionEntry? _);
            }
        });
    }

    /// <summary>The current generation of an account; read it before reading the account.</summary>
    /// <remarks>The counters only grow, so their sum moves whenever any of them does.</remarks>
    public long GenerationOf(string workspaceId, string userId) =>
        Volatile.Read(ref _everything) + Volatile.Read(ref _workspaces[Stripe(workspaceId)]) + Volatile.Read(ref _accounts[Stripe(workspaceId, userId)]);

    public bool TryGet(string workspaceId, string userId, DateTimeOffset now, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out SessionEntry entry) =>
        _entries.TryGetValue((workspaceId, userId), out entry)
        && now < entry.ValidUntil
        && entry.Generation == GenerationOf(workspaceId, userId)
        && (entry.WorkspaceVersion < 0 || (_lookups.TryGetCached(workspaceId, out var lookup) && lookup.Workspace.Version == entry.WorkspaceVersion));

    public void Set(string workspaceId, string userId, SessionEntry entry)
    {
        if (Interlocked.Increment(ref _writes) > MaxEntries)
        {
            _writes = 0;
            _entries.Clear();
        }

        _entries[(workspaceId, userId)] = entry;
    }

    /// <summary>Whether a store read made after the session's cookie arrived found no record of it.</summary>
    /// <remarks>
    /// Such a session is over for good (ids are never reused, and a cookie is only handed out once its record is
    /// committed), so a replayed dead cookie costs no store read after the first.
    /// </remarks>
    public bool IsEnded(string sessionId) => _ended.ContainsKey(sessionId);

    public void SetEnded(string sessionId)
    {
        if (Interlocked.Increment(ref _endedWrites) > MaxEndedSessions)
        {
            _endedWrites = 0;
            _ended.Clear();
        }

        _ended[sessionId] = true;
    }

    private static int Stripe(string workspaceId) => StringComparer.Ordinal.GetHashCode(workspaceId) & (Stripes - 1);

    private static int Stripe(string workspaceId, string userId) => HashCode.Combine(StringComparer.Ordinal.GetHashCode(workspaceId), StringComparer.Ordinal.GetHashCode(userId)) & (Stripes - 1);
}
