namespace UserTypes.Stores;

/// <summary>
/// Counts failed logins and clears them: what the authenticator writes. Each call is one atomic step, so concurrent
/// failures from any number of threads or processes are each counted, and each raises the account's
/// <see cref="UserAccount.Version"/> by one, so a concurrent <see cref="IUserAccountStore.UpdateAsync"/> computed from
/// the account before it conflicts instead of overwriting the count.
/// </summary>
/// <remarks>
/// Failure counts and lockouts are cached nowhere, so these writes raise no <see cref="StoreChangeSignal"/>.
/// </remarks>
public interface IUserLockoutStore
{
    /// <summary>
    /// Counts one failed login in a single atomic step. When the count reaches <paramref name="maxFailedAttempts"/>,
    /// the account is locked until <paramref name="lockoutEnd"/> and the count starts again from zero.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="maxFailedAttempts">How many consecutive failures lock the account.</param>
    /// <param name="lockoutEnd">Until when a lockout caused by this failure lasts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change, or <see langword="null"/> if it does not exist.</returns>
    Task<UserAccount?> RecordFailedLoginAsync(string workspaceId, string userId, int maxFailedAttempts, DateTimeOffset lockoutEnd, CancellationToken cancellationToken);

    /// <summary>Records a successful login: clears the failure count and any lockout and, if given, stores a new password hash.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="newPasswordHash">A rehash at the current work factor, or <see langword="null"/> to keep the hash.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when recorded.</returns>
    Task RecordSuccessfulLoginAsync(string workspaceId, string userId, string? newPasswordHash, CancellationToken cancellationToken);
}
