namespace UserTypes;

/// <summary>
/// How often each account may have changed, as heard from the store's change signal: the one validity check of every
/// per-account cache (sessions, API keys, verified passwords). Read an account's generation before reading the account
/// from the store; an entry made from that read may be served only while the generation is still the same, so an entry
/// read while a change raced with it is never served. It is also valid only while the workspace lookup it was judged
/// with is the one cached, so it never outlives that lookup, whichever of the two caches hears of a change first.
/// </summary>
/// <remarks>
/// Memory stays bounded however many accounts come and go: generations are counted in fixed stripes (a change moves
/// its stripe, so other accounts in it are read once more, never served stale). A change of the workspace moves every
/// account of it; a change of anything moves them all. The counters only grow, so their sum moves whenever any does.
/// </remarks>
internal sealed class AccountGenerations
{
    /// <summary>The longest an entry is served without a store read, in case a change was never heard of at all.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private const int Stripes = 4096;

    private readonly long[] _accounts = new long[Stripes];
    private readonly long[] _workspaces = new long[Stripes];
    private readonly WorkspaceLookupCache _lookups;
    private long _everything;

    public AccountGenerations(StoreChangeSignal changes, WorkspaceLookupCache lookups)
    {
        _lookups = lookups;
        changes.Subscribe(change =>
        {
            if (change.WorkspaceId is not { } workspaceId)
            {
                Interlocked.Increment(ref _everything);
            }
            else if (change.UserId is not { } userId)
            {
                Interlocked.Increment(ref _workspaces[Stripe(workspaceId)]);
            }
            else
            {
                Interlocked.Increment(ref _accounts[Stripe(workspaceId, userId)]);
            }
        });
    }

    /// <summary>The current generation of an account; read it before reading the account.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <returns>The generation.</returns>
    public long Of(string workspaceId, string userId) =>
        Volatile.Read(ref _everything) + Volatile.Read(ref _workspaces[Stripe(workspaceId)]) + Volatile.Read(ref _accounts[Stripe(workspaceId, userId)]);

    /// <summary>Whether an entry read at a generation and judged with a workspace version may still be served.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="generation">The generation read before the account was.</param>
    /// <param name="workspaceVersion">The workspace version it was judged with, or -1 when there was no such workspace.</param>
    /// <returns>Whether nothing it depends on has changed since.</returns>
    public bool IsCurrent(string workspaceId, string userId, long generation, long workspaceVersion) =>
        generation == Of(workspaceId, userId)
        && (workspaceVersion < 0 || (_lookups.TryGetCached(workspaceId, out var lookup) && lookup.Workspace.Version == workspaceVersion));

    /// <summary>The instant an entry read now must be read again: after <see cref="MaxAge"/>, or when the licence it was judged with expires.</summary>
    /// <param name="workspace">The workspace the entry was judged with.</param>
    /// <param name="now">Now.</param>
    /// <param name="maxAge">The entry's longest age.</param>
    /// <returns>The instant.</returns>
    /// <remarks>
    /// A licence that expires before the entry would be read again anyway ends it then; one already expired changes
    /// nothing more (internal users go on), so it must not keep every request of the workspace away from the cache.
    /// </remarks>
    public static DateTimeOffset ValidUntil(WorkspaceRecord workspace, DateTimeOffset now, TimeSpan maxAge)
    {
        var validUntil = now + maxAge;
        return workspace.License.ExpiresAt is { } expires && expires > now && expires < validUntil ? expires : validUntil;
    }

    private static int Stripe(string workspaceId) => StringComparer.Ordinal.GetHashCode(workspaceId) & (Stripes - 1);

    private static int Stripe(string workspaceId, string userId) => HashCode.Combine(StringComparer.Ordinal.GetHashCode(workspaceId), StringComparer.Ordinal.GetHashCode(userId)) & (Stripes - 1);
}
