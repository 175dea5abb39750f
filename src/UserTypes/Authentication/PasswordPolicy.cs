using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// The password rules of <see cref="PasswordOptions"/>: a length in characters (a surrogate pair is one character),
/// valid UTF-16, none of the common passwords or the host's <see cref="PasswordOptions.BlockedPasswords"/>, and not the
/// account's own user name or address. Any Unicode is allowed; there are no composition rules (NIST SP 800-63B 3.1.1.2).
/// The lists and the names are compared with the password in the form it is hashed in (NFKC), so fullwidth letters or
/// ligatures do not slip a common password past them.
/// </summary>
internal sealed class PasswordPolicy(IOptions<UserTypesOptions> options)
{
    // Shorter names are only refused as the whole password: a password containing "jo" says nothing about its strength.
    private const int ShortestNameRefusedInside = 3;

    private readonly int _minLength = options.Value.Password.MinLength;
    private readonly int _maxLength = options.Value.Password.MaxLength;
    private readonly FrozenSet<string> _blocked = options.Value.Password.BlockedPasswords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Throws unless <paramref name="password"/> may be set as a new password of the account named.</summary>
    /// <param name="password">The password.</param>
    /// <param name="userName">The account's user name, or <see langword="null"/> when it has none yet.</param>
    /// <param name="email">The account's address, or <see langword="null"/> when it has none.</param>
    /// <param name="paramName">The caller's parameter name, such as <c>newPassword</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="password"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The password is outside the policy; ParamName <paramref name="paramName"/>.</exception>
    public void ThrowIfInvalid(string? password, string? userName, string? email, string paramName = "password")
    {
        ArgumentNullException.ThrowIfNull(password, paramName);

        // Length and lists apply to what is hashed. A password that does not normalise (U+FFFE) cannot be set, though
        // one set before normalisation still verifies.
        var shape = DescribeShape(password);
        var hashed = shape is null ? PasswordHasher.Normalize(password) : null;
        var error = shape ?? hashed switch
        {
            null => "it contains a character Unicode does not allow in text (a noncharacter such as U+FFFE).",
            _ when CountCharacters(hashed) < _minLength => $"it has fewer than {_minLength} characters.",
            _ when CommonPasswords.Contains(hashed) || _blocked.Contains(hashed) => "it is one of the most common passwords.",
            _ when Repeats(hashed, userName) => "it contains the user name.",
            _ when Repeats(hashed, email) || Repeats(hashed, LocalPartOf(email)) => "it contains the e-mail address or its local part.",
            _ => null,
        };
        if (error is not null)
        {
            // Never echo the password itself.
            throw new ArgumentException($"The password is not allowed: {error}", paramName);
        }
    }

    /// <summary>
    /// Whether a password given at login could ever verify: not too long and valid UTF-16. Too short is not checked,
    /// so that raising <see cref="PasswordOptions.MinLength"/> does not lock out existing accounts.
    /// </summary>
    /// <param name="password">The password as given.</param>
    /// <returns>Whether it is worth hashing.</returns>
    public bool CouldVerify(string password) => DescribeShape(password) is null;

    private static string? LocalPartOf(string? email) => email?[..Math.Max(email.LastIndexOf('@'), 0)];

    private static bool Repeats(string password, string? name) => (name is null ? null : PasswordHasher.Normalize(name)) switch
    {
        null or "" => false,
        { Length: < ShortestNameRefusedInside } normalized => password.Equals(normalized, StringComparison.OrdinalIgnoreCase),
        var normalized => password.Contains(normalized, StringComparison.OrdinalIgnoreCase),
    };

    private string? DescribeShape(string password)
    {
        // A string of more than two UTF-16 units per allowed character is too long whatever it holds: refused unread.
        if (password.Length > 2 * _maxLength)
        {
            return $"it has more than {_maxLength} characters.";
        }

        return CountCharacters(password) switch
        {
            < 0 => "it is not valid Unicode (it contains an unpaired surrogate).",
            var count when count > _maxLength => $"it has more than {_maxLength} characters.",
            _ => null,
        };
    }

    // Characters as Unicode scalar values; -1 for a string with an unpaired surrogate.
    private static int CountCharacters(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++, count++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return -1;
            }
        }

        return count;
    }
}
