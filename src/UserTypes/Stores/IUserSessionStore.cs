namespace UserTypes.Stores;

/// <summary>
/// Keeps the signed-in sessions of accounts, so that a logout ends a session for real (a copied cookie is dead) on
/// every instance. Adding or removing a session is signalled as a change of its account
/// (<see cref="StoreChangeSignal.AccountChanged"/>), here and in other processes: an addition may end the account's
/// oldest session. An account's sessions go with the account when it is deleted.
/// </summary>
public interface IUserSessionStore
{
    /// <summary>
    /// Adds a session in one atomic step. The account's sessions that expired by <see cref="StoredSession.CreatedAt"/>
    /// are purged on the way, and of the others only the newest <paramref name="maxPerAccount"/> - 1 are kept, so an
    /// account's records stay bounded however often it signs in. Signals the account changed.
    /// </summary>
    /// <param name="session">The new session.</param>
    /// <param name="maxPerAccount">How many sessions one account may have at once, at least 1.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the session is stored.</returns>
    Task AddSessionAsync(StoredSession session, int maxPerAccount, CancellationToken cancellationToken);

    /// <summary>Reads an account's sessions (expired ones included: the caller checks the time).</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sessions, newest first.</returns>
    Task<IReadOnlyList<StoredSession>> FindSessionsAsync(string workspaceId, string userId, CancellationToken cancellationToken);

    /// <summary>Removes one session of an account (a logout), and signals the account changed if it was there.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="sessionId">The session's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the session was there.</returns>
    Task<bool> RemoveSessionAsync(string workspaceId, string userId, string sessionId, CancellationToken cancellationToken);
}
