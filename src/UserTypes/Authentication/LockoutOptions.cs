using System.ComponentModel.DataAnnotations;

namespace UserTypes;

/// <summary>How repeated wrong passwords lock an account.</summary>
public sealed class LockoutOptions
{
    /// <summary>How many consecutive failed logins lock the account. Default 5; 1 to 1000.</summary>
    [Range(1, 1000)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked. Default 15 minutes; 1 second to 30 days.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Exponential back-off instead of a fixed lock, when set: the <see cref="MaxFailedAttempts"/>-th failure in a row
    /// locks for this long, and every further failure locks again for twice as long as the lock before, up to
    /// <see cref="Duration"/>. A success, or <see cref="Duration"/> without an attempt, starts again. A person who
    /// mistypes is kept out for seconds rather than minutes, and a guesser gets about one guess per doubling.
    /// Default <see langword="null"/> (a fixed lock of <see cref="Duration"/>); 1 millisecond to 1 day, and at most
    /// <see cref="Duration"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan? BackOff { get; set; }
}
