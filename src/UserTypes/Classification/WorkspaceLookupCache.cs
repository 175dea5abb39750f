using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// The compiled lookups of this process, one per workspace, and the canonical public mail domains they leave out.
/// A lookup is replaced only by one compiled from a newer version, so a slow load of an old snapshot can never
/// overwrite a change that was already published. Every <see cref="MaxAge"/> all lookups are dropped whatever happens,
/// in case a change was never heard of (a notice lost behind a connection pooler, say): a safety net swept by a timer,
/// so the classification's hot path reads no clock.
/// </summary>
internal sealed class WorkspaceLookupCache : IDisposable
{
    /// <summary>The longest a lookup is served without a store read.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, WorkspaceLookup> _lookups = new(StringComparer.Ordinal);
    private readonly IWorkspaceStore _store;
    private readonly ITimer _sweep;
    private long _generation;

    public WorkspaceLookupCache(IWorkspaceStore store, IOptions<UserTypesOptions> options, StoreChangeSignal changes, TimeProvider time)
    {
        _store = store;
        _sweep = time.CreateTimer(static cache => ((WorkspaceLookupCache)cache!).Drop(null), this, MaxAge, MaxAge);
        changes.Subscribe(change =>
        {
            // A change of one account leaves the workspace's collaborators, domains and licence as they were.
            if (change.UserId is null)
            {
                Drop(change.WorkspaceId);
            }
        });
        PublicDomains = options.Value.Classification.PublicEmailDomains
            .Select(domain => DomainName.Canonicalize(domain, nameof(ClassificationOptions.PublicEmailDomains)))
            .ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The canonical public mail domains.</summary>
    public FrozenSet<string> PublicDomains { get; }

    /// <summary>Returns the cached lookup of a workspace without touching the store.</summary>
    /// <param name="workspaceId">The workspace id.</param>
    /// <param name="lookup">The lookup, when cached.</param>
    /// <returns>Whether it was cached.</returns>
    public bool TryGetCached(string workspaceId, out WorkspaceLookup lookup) => _lookups.TryGetValue(workspaceId, out lookup!);

    /// <summary>Returns the lookup of a workspace, loading and compiling it when it is not cached.</summary>
    /// <param name="workspaceId">The workspace id.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The lookup.</returns>
    /// <exception cref="WorkspaceNotFoundException">No workspace has that id.</exception>
    public async ValueTask<WorkspaceLookup> GetAsync(string workspaceId, CancellationToken cancellationToken)
    {
        if (_lookups.TryGetValue(workspaceId, out var cached))
        {
            return cached;
        }

        return await ReloadAsync(workspaceId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the workspace from the store and caches it unless something newer is cached already.</summary>
    /// <param name="workspaceId">The workspace id.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The lookup now cached.</returns>
    /// <exception cref="WorkspaceNotFoundException">No workspace has that id.</exception>
    public async ValueTask<WorkspaceLookup> ReloadAsync(string workspaceId, CancellationToken cancellationToken)
    {
        var generation = Volatile.Read(ref _generation);
        var workspace = await _store.FindAsync(workspaceId, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkspaceNotFoundException(workspaceId);

        var compiled = WorkspaceLookup.Compile(workspace, PublicDomains);
        if (generation != Volatile.Read(ref _generation))
        {
            // A change signalled while this read was under way may be newer than what it read: use it, keep nothing.
            return compiled;
        }

        var cached = _lookups.AddOrUpdate(
            workspaceId,
            static (_, fresh) => fresh,
            static (_, existing, fresh) => existing.Workspace.Version >= fresh.Workspace.Version ? existing : fresh,
            compiled);

        // A change signalled between the check above and the write just made may have dropped nothing yet: take the
        // entry out again, or it would stay stale until the workspace's next change.
        if (generation != Volatile.Read(ref _generation))
        {
            _lookups.TryRemove(KeyValuePair.Create(workspaceId, compiled));
        }

        return cached;
    }

    public void Dispose() => _sweep.Dispose();

    // Forgets a workspace (or, for null, every workspace), so the next use reads the store.
    private void Drop(string? workspaceId)
    {
        Interlocked.Increment(ref _generation);
        if (workspaceId is null)
        {
            _lookups.Clear();
        }
        else
        {
            _lookups.TryRemove(workspaceId, out _);
        }
    }
}
