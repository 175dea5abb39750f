namespace UserTypes;

/// <summary>
/// Keeps accounts. Implementations must be thread-safe (and, for a shared database, safe across processes) and
/// make each call atomic: the seat gate and user-name uniqueness are enforced by the store in the same operation
/// as the write, never by the caller counting first.
/// </summary>
/// <remarks>
/// An account holds a seat when <see cref="UserAccount.Seat"/> is not <see langword="null"/>. Values reach a store
/// already validated and canonical. Every implementation should pass the store specification tests.
/// </remarks>
public interface IUserStore
{
    /// <summary>Adds an account, if its user name is free and, when it takes a seat, a seat is free.</summary>
    /// <param name="user">The new account at version 1.</param>
    /// <param name="seatLimit">The limit for the account's seat type; <see langword="null"/> is unlimited.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="UserStoreResult.Succeeded"/>, <see cref="UserStoreResult.UserNameTaken"/> or <see cref="UserStoreResult.SeatLimitReached"/>.</returns>
    Task<UserStoreResult> CreateAsync(StoredUser user, int? seatLimit, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an account if it is still at <paramref name="expectedVersion"/>. When the new state takes a seat the
    /// old one did not, the seat gate applies as in <see cref="CreateAsync"/>.
    /// </summary>
    /// <param name="user">The account's new state, at <paramref name="expectedVersion"/> + 1.</param>
    /// <param name="expectedVersion">The version the change was computed from.</param>
    /// <param name="seatLimit">The limit for the account's seat type; <see langword="null"/> is unlimited.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Any <see cref="UserStoreResult"/>; <see cref="UserStoreResult.Conflict"/> when missing or at another version.</returns>
    Task<UserStoreResult> UpdateAsync(StoredUser user, long expectedVersion, int? seatLimit, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="user"/> the workspace's one anonymous account, removing any other anonymous account of
    /// the workspace in the same operation.
    /// </summary>
    /// <param name="user">The anonymous account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="UserStoreResult.Succeeded"/> or <see cref="UserStoreResult.UserNameTaken"/> (by a non-anonymous account).</returns>
    Task<UserStoreResult> SetAnonymousAsync(StoredUser user, CancellationToken cancellationToken);

    /// <summary>Reads an account by id.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    Task<StoredUser?> FindByIdAsync(string workspaceId, string userId, CancellationToken cancellationToken);

    /// <summary>Reads an account by its normalised user name (<see cref="UserAccount.NormalizeUserName"/>).</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="normalizedUserName">The normalised user name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    Task<StoredUser?> FindByUserNameAsync(string workspaceId, string normalizedUserName, CancellationToken cancellationToken);

    /// <summary>Reads the workspace's anonymous account.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account, or <see langword="null"/> if the workspace has none.</returns>
    Task<StoredUser?> FindAnonymousAsync(string workspaceId, CancellationToken cancellationToken);

    /// <summary>Counts the seats in use.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Enabled internal and external accounts.</returns>
    Task<SeatCounts> CountSeatsAsync(string workspaceId, CancellationToken cancellationToken);

    /// <summary>
    /// Gives every <see cref="UserTypeSource.Classified"/> account of the workspace the type <paramref name="classify"/>
    /// returns for its e-mail address, in one atomic pass. Passes are serialised per workspace, and a pass computed
    /// from an older workspace version than the last one applied is refused, so an old classification never
    /// overwrites a newer one. Never disables or deletes an account.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="workspaceVersion">The workspace version <paramref name="classify"/> was compiled from.</param>
    /// <param name="classify">The user type for a canonical e-mail address.</param>
    /// <param name="cancellationToken">Cancels the call before it writes.</param>
    /// <returns>
    /// The counts (the over-limit flags left <see langword="false"/> for the caller to set), or <see langword="null"/>
    /// when a pass from a newer workspace version has already been applied and nothing was changed.
    /// </returns>
    Task<ReclassificationReport?> ReclassifyAsync(string workspaceId, long workspaceVersion, Func<string, UserType> classify, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one failed login in a single atomic step: concurrent failures are each counted. When the count reaches
    /// <paramref name="maxFailedAttempts"/>, the account is locked until <paramref name="lockoutEnd"/> and the count
    /// starts again from zero.
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
