using System.ComponentModel.DataAnnotations;

namespace UserTypes;

/// <summary>The password policy and how hard passwords are hashed.</summary>
public sealed class PasswordOptions
{
    /// <summary>The fewest characters a password may have. Default 8; 1 or more, at most <see cref="MaxLength"/>.</summary>
    [Range(1, 4096)]
    public int MinLength { get; set; } = 8;

    /// <summary>
    /// The most characters a password may have. Default 128; 64 to 4096. Every character counts: nothing of a long
    /// password is ignored.
    /// </summary>
    [Range(64, 4096)]
    public int MaxLength { get; set; } = 128;

    /// <summary>
    /// The host's own passwords to refuse, on top of the 30,000 most common ones UserTypes always refuses (the zxcvbn
    /// frequency list): the product's name, the company's, the town's. Compared without regard to case. Empty by
    /// default. Checked when a password is set, never at login, so adding a word does not lock anyone out.
    /// </summary>
    public IList<string> BlockedPasswords { get; } = [];

    /// <summary>The BCrypt work factor (log2 of the rounds). Default 11; 4 to 31. Tests use 4.</summary>
    [Range(4, 31)]
    public int WorkFactor { get; set; } = 11;

    /// <summary>
    /// How many BCrypt computations (logins with a password, and setting one) may run at once. Default one less than
    /// the number of processors (at least 1); 1 to 1024. Each one keeps a core busy for the whole work factor: more than
    /// the cores only makes every one of them slower, and all of them would leave the requests that need no hashing
    /// (anonymous, session, API key) no core to run on while passwords flood in.
    /// </summary>
    [Range(1, 1024)]
    public int HashingConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>
    /// How many BCrypt computations may wait for a free slot beyond <see cref="HashingConcurrency"/>. Default twice
    /// the number of processors; 0 to 10,000. One more is refused at once with <see cref="HashingBusyException"/>
    /// (UserTypes.AspNetCore answers 503 with <c>Retry-After</c>), so a flood of passwords fails fast instead of
    /// queueing without end.
    /// </summary>
    [Range(0, 10_000)]
    public int HashingQueueLength { get; set; } = 2 * Environment.ProcessorCount;

    /// <summary>
    /// How long a service agent's password that BCrypt verified is remembered, so that its repeated calls cost
    /// microseconds instead of a BCrypt verification each. Default 5 minutes; zero turns it off; at most 5 minutes.
    /// Only <see cref="ClientKind.ServiceAgent"/> logins are remembered, only successful ones, and only in this process,
    /// as an HMAC under a key made at start-up; any change of the account (a new password, a new security stamp, a
    /// disabled account) forgets it at once. A remembered password skips the lockout count: it is no guess.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan VerifiedCacheDuration { get; set; } = TimeSpan.FromMinutes(5);
}
