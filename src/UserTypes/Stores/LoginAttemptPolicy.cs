namespace UserTypes.Stores;

/// <summary>
/// How a store counts the login attempts of one key (<see cref="IUserLockoutStore"/>): the lockout options in the form
/// a store applies them, so that a fixed lock and exponential back-off are one rule with other numbers.
/// </summary>
public sealed record LoginAttemptPolicy
{
    /// <summary>How many attempts in a row that did not succeed lock the key (<see cref="LockoutOptions.MaxFailedAttempts"/>).</summary>
    public required int MaxFailedAttempts { get; init; }

    /// <summary>How long the first lock lasts: <see cref="LockoutOptions.BackOff"/>, or <see cref="LockoutOptions.Duration"/> for a fixed lock.</summary>
    public required TimeSpan FirstLockout { get; init; }

    /// <summary>
    /// The longest lock (each lock lasts twice as long as the one before, up to this), and how long a key's record is
    /// kept after its last attempt or lock before it counts as new (<see cref="LockoutOptions.Duration"/>).
    /// </summary>
    public required TimeSpan LongestLockout { get; init; }

    /// <summary>
    /// How many failures still count right after a lock: 0 for a fixed lock (the count starts again), or
    /// <see cref="MaxFailedAttempts"/> - 1 for back-off (the next failure locks again, for twice as long).
    /// </summary>
    public required int FailuresKeptAfterLockout { get; init; }

    /// <summary>The policy the lockout options describe.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The policy.</returns>
    public static LoginAttemptPolicy From(LockoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new LoginAttemptPolicy
        {
            MaxFailedAttempts = options.MaxFailedAttempts,
            FirstLockout = options.BackOff ?? options.Duration,
            LongestLockout = options.Duration,
            FailuresKeptAfterLockout = options.BackOff is null ? 0 : options.MaxFailedAttempts - 1,
        };
    }
}
