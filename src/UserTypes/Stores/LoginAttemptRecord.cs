namespace UserTypes.Stores;

/// <summary>
/// The login attempts of one key, and the rules of <see cref="IUserLockoutStore"/> written once: a store may keep these
/// records as they are (the in-memory store does), or follow the same steps in its own statements (the relational
/// stores do, and insert what <see cref="Reserve"/> makes of no record). The store specification holds both to them.
/// </summary>
/// <param name="Epoch">Random when the record is made; see <see cref="LoginAttempt.Epoch"/>.</param>
/// <param name="Issued">How many attempts were reserved in the record's life; the next one gets this ticket.</param>
/// <param name="CountedFrom">Attempts with a lower ticket no longer count as failures.</param>
/// <param name="LockoutEnd">Until when the key is locked, if it was locked.</param>
/// <param name="LockedBy">The ticket of the attempt that set the lock.</param>
/// <param name="NextLockout">How long the next lock lasts; <see langword="null"/> for <see cref="LoginAttemptPolicy.FirstLockout"/>.</param>
/// <param name="ExpiresAt">When the record counts as new (and may be purged).</param>
public sealed record LoginAttemptRecord(
    long Epoch, long Issued, long CountedFrom, DateTimeOffset? LockoutEnd, long? LockedBy, TimeSpan? NextLockout, DateTimeOffset ExpiresAt)
{
    /// <summary>The attempt this record's last reservation made.</summary>
    public LoginAttempt LastReserved => new(Epoch, Issued - 1, LockedBy == Issued - 1 ? LockoutEnd : null);

    /// <summary>
    /// An account as a store's read shows it: <see cref="UserAccount.AccessFailedCount"/> and
    /// <see cref="UserAccount.LockoutEnd"/> from its own record (<see cref="LoginAttemptKeys.ForAccount"/>) as of
    /// <paramref name="now"/>.
    /// </summary>
    /// <param name="account">The account as stored.</param>
    /// <param name="record">Its record, or <see langword="null"/> for none.</param>
    /// <param name="now">The store's time.</param>
    /// <returns>The account with its failures (0 once the record expired) and the lock in force, if any.</returns>
    public static UserAccount Show(UserAccount account, LoginAttemptRecord? record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        var live = record?.ExpiresAt > now;
        return account with
        {
            AccessFailedCount = live ? (int)Math.Min(record!.Issued - record.CountedFrom, int.MaxValue) : 0,
            LockoutEnd = live && record!.LockoutEnd > now ? record.LockoutEnd : null,
        };
    }

    /// <summary>Reserves one attempt (<see cref="IUserLockoutStore.ReserveLoginAttemptAsync"/>).</summary>
    /// <param name="current">The key's record, or <see langword="null"/> for none.</param>
    /// <param name="policy">The lockout rule.</param>
    /// <param name="now">The time of the attempt.</param>
    /// <returns>The record to keep and the attempt, or the record unchanged and <see langword="null"/> when locked.</returns>
    public static (LoginAttemptRecord Record, LoginAttempt? Attempt) Reserve(LoginAttemptRecord? current, LoginAttemptPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var fresh = current is null || current.ExpiresAt <= now;
        if (!fresh && current!.LockoutEnd > now)
        {
            return (current, null);
        }

        var ticket = current?.Issued ?? 0;
        var issued = ticket + 1;
        var countedFrom = fresh ? ticket : current!.CountedFrom;
        var lockLength = (fresh ? null : current!.NextLockout) ?? policy.FirstLockout;
        var record = issued - countedFrom >= policy.MaxFailedAttempts
            ? new LoginAttemptRecord(
                current?.Epoch ?? NewEpoch(),
                issued,
                issued - policy.FailuresKeptAfterLockout,
                now + lockLength,
                ticket,
                lockLength * 2 > policy.LongestLockout ? policy.LongestLockout : lockLength * 2,
                now + lockLength + policy.LongestLockout)
            : new LoginAttemptRecord(
                current?.Epoch ?? NewEpoch(), issued, countedFrom, null, null, fresh ? null : current!.NextLockout, now + policy.LongestLockout);
        return (record, record.LastReserved);
    }

    /// <summary>Releases an attempt that succeeded (<see cref="IUserLockoutStore.ReleaseLoginAttemptAsync"/>).</summary>
    /// <param name="attempt">The attempt.</param>
    /// <returns>The record to keep.</returns>
    public LoginAttemptRecord Release(LoginAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.Epoch != Epoch)
        {
            return this;
        }

        var ownLock = LockedBy == attempt.Ticket;
        return this with
        {
            CountedFrom = Math.Max(CountedFrom, attempt.Ticket + 1),
            LockoutEnd = ownLock ? null : LockoutEnd,
            LockedBy = ownLock ? null : LockedBy,
            NextLockout = Issued == attempt.Ticket + 1 ? null : NextLockout,
        };
    }

    /// <summary>Clears failures, lock and back-off (<see cref="IUserLockoutStore.ClearLoginAttemptsAsync"/>).</summary>
    /// <returns>The record to keep.</returns>
    public LoginAttemptRecord Clear() => this with { CountedFrom = Issued, LockoutEnd = null, LockedBy = null, NextLockout = null };

    // Only needs to differ from the epoch of a record purged before; no secret.
    private static long NewEpoch() => Random.Shared.NextInt64();
}
