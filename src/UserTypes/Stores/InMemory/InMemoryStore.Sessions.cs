namespace UserTypes.Stores;

internal sealed partial class InMemoryStore
{
    public async Task AddSessionAsync(StoredSession session, int maxPerAccount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerAccount, 1);
        await Locked(
            session.WorkspaceId,
            tenant =>
            {
                var sessions = tenant.Sessions.TryGetValue(session.UserId, out var kept) ? kept : tenant.Sessions[session.UserId] = [];
                sessions.RemoveAll(other => other.ExpiresAt <= session.CreatedAt);

                // Newest first, as they are read: the new one goes in front, and the oldest beyond the bound fall off.
                sessions.Insert(0, session);
                if (sessions.Count > maxPerAccount)
                {
                    sessions.RemoveRange(maxPerAccount, sessions.Count - maxPerAccount);
                }

                return true;
            },
            cancellationToken).ConfigureAwait(false);

        // The oldest session may have ended to make room.
        changes.AccountChanged(session.WorkspaceId, session.UserId);
    }

    public Task<IReadOnlyList<StoredSession>> FindSessionsAsync(string workspaceId, string userId, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<StoredSession>>(
            workspaceId,
            tenant => tenant.Sessions.TryGetValue(userId, out var sessions) ? [.. sessions] : [],
            cancellationToken);

    public async Task<bool> RemoveSessionAsync(string workspaceId, string userId, string sessionId, CancellationToken cancellationToken)
    {
        var removed = await Locked(
            workspaceId,
            tenant => tenant.Sessions.TryGetValue(userId, out var sessions) && sessions.RemoveAll(session => session.Id == sessionId) > 0,
            cancellationToken).ConfigureAwait(false);
        if (removed)
        {
            changes.AccountChanged(workspaceId, userId);
        }

        return removed;
    }
}
