namespace UserTypes.Stores;

/// <summary>
/// Counts login attempts per key (<see cref="LoginAttemptKeys"/>): an account, or a user name no account has. Every
/// attempt is reserved before its password is compared, in one atomic step, and counts as a failure until it is
/// released as a success; so however many attempts arrive together, from any number of threads or processes, no more
/// than <see cref="LoginAttemptPolicy.MaxFailedAttempts"/> passwords are compared before the key is locked, and an
/// attempt whose process dies mid-way stays counted.
/// </summary>
/// <remarks>
/// <para>
/// A store reports an account's record on its reads: <see cref="UserAccount.AccessFailedCount"/> and
/// <see cref="UserAccount.LockoutEnd"/> come from the record under <see cref="LoginAttemptKeys.ForAccount"/>, as of
/// the store's clock (0 and <see langword="null"/> once expired), and <see cref="IUserAccountStore.DeleteAsync"/>
/// removes that record with the account. <see cref="IUserAccountStore.UpdateAsync"/> never writes them.
/// </para>
/// <para>
/// Records are cached nowhere, so these writes raise no <see cref="StoreChangeSignal"/>, with one exception: a
/// reservation that locks an account (one given a <c>lockedOut</c> entry naming it) signals the account changed, here
/// and in other processes, so that no instance goes on accepting a password it remembered. Expired records are purged
/// by <see cref="ReserveLoginAttemptAsync"/> on the way, a few at a time, so their number stays bounded.
/// </para>
/// </remarks>
public interface IUserLockoutStore
{
    /// <summary>
    /// Reserves one attempt in a single atomic step, unless the key is locked at <paramref name="now"/>. A record whose
    /// last attempt or lock is more than <see cref="LoginAttemptPolicy.LongestLockout"/> old counts as new. The
    /// reserved attempt counts as a failure; when the failures reach <see cref="LoginAttemptPolicy.MaxFailedAttempts"/>,
    /// this attempt locks the key for the record's next lock length (<see cref="LoginAttemptPolicy.FirstLockout"/>,
    /// doubled at each lock up to <see cref="LoginAttemptPolicy.LongestLockout"/>) and
    /// <see cref="LoginAttemptPolicy.FailuresKeptAfterLockout"/> failures stay counted.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="attemptKey">The key (<see cref="LoginAttemptKeys"/>).</param>
    /// <param name="policy">The lockout rule.</param>
    /// <param name="now">The time of the attempt.</param>
    /// <param name="lockedOut">
    /// The entry that records a lockout, written in the same atomic step only if this reservation locks the key (after
    /// the entries of writes that committed before it, as for any audited write); or <see langword="null"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reserved attempt, or <see langword="null"/> when the key is locked (nothing is written then).</returns>
    Task<LoginAttempt?> ReserveLoginAttemptAsync(string workspaceId, string attemptKey, LoginAttemptPolicy policy, DateTimeOffset now, AuditEntry? lockedOut, CancellationToken cancellationToken);

    /// <summary>
    /// Releases an attempt that succeeded. It clears only what it reserved: the failures counted up to and including
    /// it, the lock it set itself, and the back-off if no attempt came after it. Attempts reserved after it stay
    /// counted, and a lock they set stays. Nothing happens when the record was purged and made again since.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="attemptKey">The key the attempt was reserved under.</param>
    /// <param name="attempt">The attempt.</param>
    /// <param name="lifted">
    /// The entry that records the lift of the lock the attempt itself set (<see cref="LoginAttempt.LockedUntil"/>),
    /// written in the same atomic step only if this release lifts it; or <see langword="null"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when released.</returns>
    Task ReleaseLoginAttemptAsync(string workspaceId, string attemptKey, LoginAttempt attempt, AuditEntry? lifted, CancellationToken cancellationToken);

    /// <summary>Clears a key's failures, lock and back-off: an unlock, or a password reset.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="attemptKey">The key.</param>
    /// <param name="audit">The entry that records the unlock, written in the same atomic step; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when cleared.</returns>
    Task ClearLoginAttemptsAsync(string workspaceId, string attemptKey, AuditEntry? audit, CancellationToken cancellationToken);
}
