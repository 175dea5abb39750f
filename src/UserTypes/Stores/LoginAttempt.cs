namespace UserTypes.Stores;

/// <summary>
/// One reserved login attempt (<see cref="IUserLockoutStore.ReserveLoginAttemptAsync"/>): counted as a failure from
/// the moment it is reserved, until <see cref="IUserLockoutStore.ReleaseLoginAttemptAsync"/> says it succeeded.
/// </summary>
/// <param name="Epoch">Names the record the attempt was counted in, so that a release never touches a record made after it was purged.</param>
/// <param name="Ticket">The attempt's place in its record: attempts reserved later have higher tickets.</param>
/// <param name="LockedUntil">When this very attempt locked its key (it was the last one allowed), until when; else <see langword="null"/>.</param>
public sealed record LoginAttempt(long Epoch, long Ticket, DateTimeOffset? LockedUntil);
