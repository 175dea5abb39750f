namespace UserTypes.Stores;

internal sealed partial class InMemoryStore
{
    public Task<LoginAttempt?> ReserveLoginAttemptAsync(string workspaceId, string attemptKey, LoginAttemptPolicy policy, DateTimeOffset now, AuditEntry? lockedOut, CancellationToken cancellationToken) =>
        Locked(
            workspaceId,
            tenant =>
            {
                // Expired records are purged on the way, as the relational stores do, so they stay bounded.
                foreach (var expired in tenant.Attempts.Where(entry => entry.Value.ExpiresAt <= now && entry.Key != attemptKey).Select(entry => entry.Key).ToList())
                {
                    tenant.Attempts.Remove(expired);
                }

                var (record, attempt) = LoginAttemptRecord.Reserve(tenant.Attempts.GetValueOrDefault(attemptKey), policy, now);
                tenant.Attempts[attemptKey] = record;
                if (attempt?.LockedUntil is not null && lockedOut is not null)
                {
                    tenant.Append([lockedOut]);
                }

                return attempt;
            },
            cancellationToken);

    public Task ReleaseLoginAttemptAsync(string workspaceId, string attemptKey, LoginAttempt attempt, CancellationToken cancellationToken) =>
        ChangeAttempts(workspaceId, attemptKey, record => record.Release(attempt), cancellationToken);

    public Task ClearLoginAttemptsAsync(string workspaceId, string attemptKey, AuditEntry? audit, CancellationToken cancellationToken) =>
        ChangeAttempts(workspaceId, attemptKey, record => record.Clear(), cancellationToken, audit);

    private Task ChangeAttempts(string workspaceId, string attemptKey, Func<LoginAttemptRecord, LoginAttemptRecord> change, CancellationToken cancellationToken, AuditEntry? audit = null) =>
        Locked(
            workspaceId,
            tenant =>
            {
                if (tenant.Attempts.TryGetValue(attemptKey, out var record))
                {
                    tenant.Attempts[attemptKey] = change(record);
                }

                if (audit is not null)
                {
                    tenant.Append([audit]);
                }

                return true;
            },
            cancellationToken);
}
