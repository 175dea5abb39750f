using System.ComponentModel.DataAnnotations;

namespace UserTypes;

/// <summary>How long the single-use tokens UserTypes issues stay valid.</summary>
public sealed class TokenOptions
{
    /// <summary>How long an e-mail confirmation token from sign-up stays valid. Default 24 hours; 1 minute to 30 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SignUpLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a password reset token stays valid. Default 1 hour; 1 minute to 1 day.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an invitation stays valid. Default 7 days; 1 minute to 30 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long an e-mail change token stays valid. Default 24 hours; 1 minute to 30 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan EmailChangeLifetime { get; set; } = TimeSpan.FromHours(24);
}
