using System.Collections.Concurrent;

namespace UserTypes.Stores;

/// <summary>
/// The in-memory store for tests and demos. Workspace snapshots are immutable and swapped in with a compare-and-swap;
/// each workspace's accounts sit behind one lock, so every call is atomic, and seat counts are kept as running totals,
/// so the seat gate does not scan the accounts. Changes are signalled after the lock is released. Login attempts are
/// kept per workspace under the same lock, and an account read shows its own record as of <paramref name="time"/>.
/// </summary>
internal sealed partial class InMemoryStore(StoreChangeSignal changes, TimeProvider time) : IUserTypesStore
{
    private readonly ConcurrentDictionary<string, WorkspaceRecord> _workspaces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Tenant> _tenants = new(StringComparer.Ordinal);

    private Tenant TenantOf(string workspaceId) => _tenants.GetOrAdd(workspaceId, static _ => new Tenant());

    // Runs a read or a write of one workspace under its lock.
    private Task<T> Locked<T>(string workspaceId, Func<Tenant, T> run, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tenant = TenantOf(workspaceId);
        lock (tenant.Gate)
        {
            return Task.FromResult(run(tenant));
        }
    }
}
