using System.Buffers;
using System.Globalization;
using System.Text;

namespace UserTypes;

/// <summary>
/// Turns a domain into its one canonical form: lower-case ASCII, international labels in punycode. Every domain
/// comparison in the library is an ordinal comparison of this form.
/// </summary>
/// <remarks>
/// Plain letter-digit-hyphen domains take an allocation-free path; anything else goes through
/// <see cref="IdnMapping"/> and must survive a round trip unchanged, which keeps characters that IDNA silently
/// drops or folds (zero-width characters, soft hyphens, fullwidth letters, ideographic full stops) from making a
/// lookalike domain equal to a real one. A trailing dot is refused, not removed: an address never needs it, and
/// accepting it would give one domain two spellings.
/// </remarks>
internal static class DomainName
{
    /// <summary>The most characters a canonical domain may have (RFC 1035, without the trailing dot).</summary>
    public const int MaxLength = 253;

    private const int MaxLabelLength = 63;

    // Shared: IdnMapping keeps no per-call state, its settings are fixed here.
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    private static readonly SearchValues<char> AsciiDigits = SearchValues.Create("0123456789");

    /// <summary>How <see cref="TryLowerAscii"/> ended.</summary>
    internal enum AsciiResult
    {
        /// <summary>The canonical domain was written to the destination.</summary>
        Done,

        /// <summary>The domain is well formed so far but needs IDNA: non-ASCII, or a label with hyphens in places 3 and 4.</summary>
        NeedsIdna,

        /// <summary>The domain is malformed; the error says why.</summary>
        Invalid,
    }

    /// <summary>Canonicalises <paramref name="domain"/> or throws.</summary>
    /// <param name="domain">The domain to canonicalise.</param>
    /// <param name="paramName">The caller's parameter, named by the exception.</param>
    /// <returns>The canonical domain.</returns>
    /// <exception cref="ArgumentException">The domain is malformed.</exception>
    public static string Canonicalize(string? domain, string paramName)
    {
        ArgumentNullException.ThrowIfNull(domain, paramName);
        if (domain.Length > MaxLength)
        {
            throw new ArgumentException($"A domain has at most {MaxLength} characters.", paramName);
        }

        var error = TryCanonicalize(domain, out var canonical);
        return error is null ? canonical! : throw new ArgumentException(error, paramName);
    }

    /// <summary>Canonicalises a domain, allocating the result.</summary>
    /// <param name="domain">The domain as given.</param>
    /// <param name="canonical">The canonical domain, when the result is <see langword="null"/>.</param>
    /// <returns><see langword="null"/> on success, else what is wrong.</returns>
    public static string? TryCanonicalize(ReadOnlySpan<char> domain, out string? canonical)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var result = TryLowerAscii(domain, buffer, out var written, out var error);
        canonical = result switch
        {
            AsciiResult.Done => new string(buffer[..written]),
            AsciiResult.NeedsIdna => CanonicalizeWithIdna(domain.ToString(), out error),
            _ => null,
        };
        return canonical is null ? error : null;
    }

    /// <summary>
    /// The allocation-free path: validates a letter-digit-hyphen domain and writes its lower-case form.
    /// </summary>
    /// <param name="domain">The domain as given.</param>
    /// <param name="destination">At least <see cref="MaxLength"/> characters.</param>
    /// <param name="written">How many characters were written on <see cref="AsciiResult.Done"/>.</param>
    /// <param name="error">What is wrong on <see cref="AsciiResult.Invalid"/>.</param>
    /// <returns>Whether the domain was canonicalised, needs IDNA, or is invalid.</returns>
    public static AsciiResult TryLowerAscii(ReadOnlySpan<char> domain, Span<char> destination, out int written, out string? error)
    {
        written = 0;
        error = null;
        if (domain.IsEmpty)
        {
            error = "The domain is empty.";
            return AsciiResult.Invalid;
        }

        if (domain.Length > MaxLength)
        {
            error = $"A domain has at most {MaxLength} characters.";
            return AsciiResult.Invalid;
        }

        if (!Ascii.IsValid(domain))
        {
            return AsciiResult.NeedsIdna;
        }

        var needsIdna = false;
        var labelStart = 0;
        for (var i = 0; i <= domain.Length; i++)
        {
            if (i < domain.Length && domain[i] != '.')
            {
                var c = domain[i];
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    error = "A domain may contain only letters, digits, hyphens and dots.";
                    return AsciiResult.Invalid;
                }

                destination[i] = char.ToLowerInvariant(c);
                continue;
            }

            var label = domain[labelStart..i];
            error = CheckLabel(label, isLast: i == domain.Length);
            if (error is not null)
            {
                return AsciiResult.Invalid;
            }

            // "xn--" and every other label with hyphens in places 3 and 4 are IDNA's to judge.
            needsIdna |= label.Length >= 4 && label[2] == '-' && label[3] == '-';
            if (i < domain.Length)
            {
                destination[i] = '.';
            }

            labelStart = i + 1;
        }

        if (!domain.Contains('.'))
        {
            error = "A domain needs at least two labels, such as 'example.com'.";
            return AsciiResult.Invalid;
        }

        if (needsIdna)
        {
            return AsciiResult.NeedsIdna;
        }

        written = domain.Length;
        return AsciiResult.Done;
    }

    private static string? CheckLabel(ReadOnlySpan<char> label, bool isLast)
    {
        if (label.IsEmpty)
        {
            return isLast
                ? "A domain must not end with a dot."
                : "A domain must not start with a dot or contain two dots in a row.";
        }

        if (label.Length > MaxLabelLength)
        {
            return $"A domain label has at most {MaxLabelLength} characters.";
        }

        if (label[0] == '-' || label[^1] == '-')
        {
            return "A domain label must not start or end with a hyphen.";
        }

        // RFC 3696: a top-level domain is never all digits, so "10.0.0.1" is an IP address, not a domain.
        return isLast && !label.ContainsAnyExcept(AsciiDigits)
            ? "The top-level domain must not be all digits."
            : null;
    }

    private static string? CanonicalizeWithIdna(string domain, out string? error)
    {
        string ascii;
        try
        {
            if (Ascii.IsValid(domain))
            {
                // Given in ASCII (punycode): ToUnicode then ToAscii must give it back unchanged.
                var lower = domain.ToLowerInvariant();
                ascii = Idn.GetAscii(Idn.GetUnicode(lower));
                if (!string.Equals(ascii, lower, StringComparison.Ordinal))
                {
                    error = "The domain's punycode does not round-trip through IDNA.";
                    return null;
                }
            }
            else
            {
                // Given in Unicode: ToAscii then ToUnicode must give back its lower-case NFC form, or IDNA has
                // dropped or folded a character that a lookalike domain could hide behind.
                var expected = domain.ToLowerInvariant().Normalize(NormalizationForm.FormC);
                ascii = Idn.GetAscii(domain.Normalize(NormalizationForm.FormC));
                if (!string.Equals(Idn.GetUnicode(ascii), expected, StringComparison.Ordinal))
                {
                    error = "The domain contains characters that IDNA drops or maps to others (invisible, fullwidth, compatibility or special-case letters).";
                    return null;
                }
            }
        }
        catch (ArgumentException)
        {
            error = "The domain is not a valid internationalised domain name.";
            return null;
        }

        // The ASCII form is what every limit is about; check it with the same rules as the plain path.
        Span<char> buffer = stackalloc char[MaxLength];
        var result = TryLowerAscii(ascii, buffer, out _, out error);
        return result == AsciiResult.Invalid ? null : ascii.ToLowerInvariant();
    }
}
