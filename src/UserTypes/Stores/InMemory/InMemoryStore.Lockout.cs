namespace UserTypes.Stores;

internal sealed partial class InMemoryStore
{
    public async Task<LoginAttempt?> ReserveLoginAttemptAsync(string workspaceId, string attemptKey, LoginAttemptPolicy policy, DateTimeOffset now, AuditEntry? lockedOut, CancellationToken cancellationToken)
    {
        var reserved = await Locked(
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
            cancellationToken).ConfigureAwait(false);

        // A lock of an account is a change of it: no instance may go on serving a password it remembered.
        if (reserved?.LockedUntil is not null && lockedOut?.SubjectUserId is { } lockedUser)
        {
            changes.AccountChanged(workspaceId, lockedUser);
        }

        return reserved;
    }

    public Task ReleaseLoginAttemptAsync(string workspaceId, string attemptKey, LoginAttempt attempt, AuditEntry? lifted, CancellationToken cancellationToken) =>
        ChangeAttempts(
            workspaceId,
            attemptKey,
            record => record.Release(attempt),
            cancellationToken,
            record => lifted is not null && record?.Epoch == attempt.Epoch && record.LockedBy == attempt.Ticket ? lifted : null);

    public Task ClearLoginAttemptsAsync(string workspaceId, string attemptKey, AuditEntry? audit, CancellationToken cancellationToken) =>
        ChangeAttempts(workspaceId, attemptKey, record => record.Clear(), cancellationToken, _ => audit, always: true);

    // Changes a key's record under the workspace's lock, and writes the entry audit makes of the record as it was: only
    // when there was a record, unless always.
    private Task ChangeAttempts(
        string workspaceId,
        string attemptKey,
        Func<LoginAttemptRecord, LoginAttemptRecord> change,
        CancellationToken cancellationToken,
        Func<LoginAttemptRecord?, AuditEntry?>? audit = null,
        bool always = false) =>
        Locked(
            workspaceId,
            tenant =>
            {
                var found = tenant.Attempts.TryGetValue(attemptKey, out var record);
                if ((found || always) && audit?.Invoke(record) is { } entry)
                {
                    tenant.Append([entry]);
                }

                if (found)
                {
                    tenant.Attempts[attemptKey] = change(record!);
                }

                return true;
            },
            cancellationToken);
}
