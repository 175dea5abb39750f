using System.ComponentModel.DataAnnotations;

namespace UserTypes;

/// <summary>How long signed-in sessions may last, and how many one account may hold.</summary>
public sealed class SessionOptions
{
    /// <summary>
    /// The absolute lifetime of a session: after it the session ends however active it is, on top of any sliding
    /// expiration of the cookie. Default 12 hours; 1 minute to 400 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "400.00:00:00")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How many sessions one account may hold at once; signing in once more ends the oldest. Default 20; 1 to 1000.
    /// </summary>
    [Range(1, 1000)]
    public int MaxPerAccount { get; set; } = 20;
}
