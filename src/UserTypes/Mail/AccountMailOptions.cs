using System.ComponentModel.DataAnnotations;

namespace UserTypes;

/// <summary>The mailbox flows: whether they are on, and how many mails one address may be sent.</summary>
public sealed class AccountMailOptions
{
    /// <summary>
    /// Whether the mailbox flows (sign-up, password reset) are on. Default <see langword="true"/>: an
    /// <see cref="IAccountMailer"/> must then be registered, or the host fails at start-up. Turn it off for a host that
    /// only creates accounts itself.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How many mails with a token one address may be sent per hour, per workspace, whatever they are for. Default 3;
    /// 1 to 100. Past it the mailer is skipped and the caller sees no difference, so nobody can flood a mailbox.
    /// </summary>
    [Range(1, 100)]
    public int MaxPerAddressPerHour { get; set; } = 3;
}
