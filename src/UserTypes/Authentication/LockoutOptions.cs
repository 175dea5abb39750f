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
}
