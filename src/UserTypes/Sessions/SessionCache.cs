using System.Collections.Concurrent;

namespace UserTypes;

/// <summary>
/// What each account's sessions may do, so that a request whose account did not change costs no store round trip.
/// An entry is served only while <see cref="AccountGenerations.IsCurrent"/> says nothing it depends on changed (a
/// session removed is a change of its account), and until its <see cref="SessionEntry.ValidUntil"/>.
/// </summary>
/// <remarks>
/// Memory stays bounded however many accounts come and go: entries are dropped wholesale after <see cref="MaxEntries"/>
/// writes, and so are the remembered ended sessions past <see cref="MaxEndedSessions"/>.
/// </remarks>
internal sealed class SessionCache
{
    private const int MaxEntries = 100_000;
    private const int MaxEndedSessions = 100_000;

    private readonly ConcurrentDictionary<(string WorkspaceId, string UserId), SessionEntry> _entries = new();
    private readonly ConcurrentDictionary<string, bool> _ended = new(StringComparer.Ordinal);
    private readonly AccountGenerations _generations;

    // Writes since the entries were last dropped (CacheBound).
    private int _writes;
    private int _endedWrites;

    public SessionCache(StoreChangeSignal changes, AccountGenerations generations)
    {
        _generations = generations;
        changes.Subscribe(change =>
        {
            if (change.WorkspaceId is null)
            {
                _entries.Clear();
            }
            else if (change.UserId is { } userId)
            {
                _entries.TryRemove((change.WorkspaceId, userId), out SessionEntry? _);
            }
        });
    }

    /// <summary>The current generation of an account; read it before reading the account.</summary>
    public long GenerationOf(string workspaceId, string userId) => _generations.Of(workspaceId, userId);

    public bool TryGet(string workspaceId, string userId, DateTimeOffset now, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out SessionEntry entry) =>
        _entries.TryGetValue((workspaceId, userId), out entry)
        && now < entry.ValidUntil
        && _generations.IsCurrent(workspaceId, userId, entry.Generation, entry.WorkspaceVersion);

    public void Set(string workspaceId, string userId, SessionEntry entry)
    {
        CacheBound.Set(_entries, ref _writes, MaxEntries, (workspaceId, userId), entry);
    }

    /// <summary>Whether a store read made after the session's cookie arrived found no record of it.</summary>
    /// <remarks>
    /// Such a session is over for good (ids are never reused, and a cookie is only handed out once its record is
    /// committed), so a replayed dead cookie costs no store read after the first.
    /// </remarks>
    public bool IsEnded(string sessionId) => _ended.ContainsKey(sessionId);

    public void SetEnded(string sessionId)
    {
        CacheBound.Set(_ended, ref _endedWrites, MaxEndedSessions, sessionId, true);
    }
}
