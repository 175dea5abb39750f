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
}
