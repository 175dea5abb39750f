namespace UserTypes.Stores;

internal sealed partial class InMemoryStore
{
    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string workspaceId, AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Locked<IReadOnlyList<AuditEntry>>(
            workspaceId,
            tenant =>
            {
                IEnumerable<AuditEntry> entries = filter.Descending ? Enumerable.Reverse(tenant.Audit) : tenant.Audit;
                return [.. entries
                    .Where(entry => (filter.SubjectUserId is null || entry.SubjectUserId == filter.SubjectUserId)
                        && (filter.Action is null || entry.Action == filter.Action)
                        && (filter.From is not { } from || entry.At >= from)
                        && (filter.To is not { } to || entry.At < to)
                        && (filter.After is not { } after || (filter.Descending ? entry.Sequence < after : entry.Sequence > after)))
                    .Take(filter.Limit)];
            },
            cancellationToken);
    }

    public Task<int> PurgeAuditAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var removed = 0;
        foreach (var tenant in _tenants.Values)
        {
            var budget = limit - removed;
            if (budget == 0)
            {
                break;
            }

            lock (tenant.Gate)
            {
                var old = 0;
                tenant.Audit.RemoveAll(entry => entry.At < before && old++ < budget);
                removed += Math.Min(old, budget);
            }
        }

        return Task.FromResult(removed);
    }
}
