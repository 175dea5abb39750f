using System.Buffers;
using System.Globalization;
using System.Text;

namespace UserTypes;

/// <summary>
/// Turns a domain into its one canonical form: lower-case ASCII, international labels in punycode. Every domain
/// comparison in the library is an ordinal comparison of this form.
/// </summary>
/// <remarks>
/// Plain letter-digit-hyphen domains take an allocation-free, vectorised path. Anything else meets the local part's
/// character rules (<see cref="CharacterRules"/>), no label may start with a combining mark, and the domain is put in
/// NFC, as UTS #46 does, so that composed and decomposed spellings are one domain. It then goes through
/// <see cref="IdnMapping"/> and must survive a round trip unchanged, which keeps characters that IDNA silently
/// drops or folds (zero-width characters, soft hyphens, fullwidth letters, ideographic full stops) from making a
/// lookalike domain equal to a real one. A trailing dot is refused, not removed: an address never needs it, and
/// accepting it would give one domain two spellings. A domain needs at least two labels, and its top-level
/// label is letters or an IDNA A-label, never all digits (so an IP address is not a domain).
/// </remarks>
internal static class DomainName
{
    /// <summary>The most characters a canonical domain may have (RFC 1035, without the trailing dot).</summary>
    public const int MaxLength = 253;

    private const int MaxLabelLength = 63;

    // Shared: IdnMapping keeps no per-call state, and its settings are fixed here.
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    private static readonly SearchValues<char> LettersDigitsHyphensDots =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.");

    private static readonly SearchValues<char> Letters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>How <see cref="TryLowerAscii"/> ended.</summary>
    internal enum AsciiResult
    {
        /// <summary>The canonical domain was written to the destination.</summary>
        Done,

        /// <summary>The domain needs IDNA: it is not ASCII, or a label has hyphens in places 3 and 4 (<c>xn--</c>).</summary>
        NeedsIdna,

        /// <summary>The domain is malformed; the error says why.</summary>
        Invalid,
    }

    /// <summary>Canonicalises <paramref name="domain"/> or throws.</summary>
    /// <param name="domain">The domain to canonicalise.</param>
    /// <param name="paramName">The caller's parameter, named by the exception.</param>
    /// <returns>The canonical domain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domain"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The domain is malformed.</exception>
    public static string Canonicalize(string? domain, string paramName)
    {
        ArgumentNullException.ThrowIfNull(domain, paramName);
        var error = TryCanonicalize(domain, out var canonical);
        return error is null ? canonical! : throw new ArgumentException($"'{paramName}' is not a valid domain: {error}", paramName);
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
            AsciiResult.NeedsIdna => CanonicalizeWithIdna(domain, out error),
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
        error = domain.IsEmpty ? "the domain is empty."
            : domain.Length > MaxLength ? $"a domain has at most {MaxLength} characters."
            : null;
        if (error is not null)
        {
            return AsciiResult.Invalid;
        }

        var unusual = domain.IndexOfAnyExcept(LettersDigitsHyphensDots);
        if (unusual >= 0)
        {
            if (!Ascii.IsValid(domain))
            {
                return AsciiResult.NeedsIdna;
            }

            error = CharacterRules.DescribeUnprintableAscii(domain[unusual]) ?? "a domain may contain only letters, digits, hyphens and dots.";
            return AsciiResult.Invalid;
        }

        var needsIdna = false;
        var rest = domain;
        for (var labels = 1; ; labels++)
        {
            var dot = rest.IndexOf('.');
            var label = dot < 0 ? rest : rest[..dot];
            error = CheckLabel(label, isLast: dot < 0, labels);
            if (error is not null)
            {
                return AsciiResult.Invalid;
            }

            // "xn--" and every other label with hyphens in places 3 and 4 are IDNA's to judge.
            needsIdna |= label.Length >= 4 && label[2] == '-' && label[3] == '-';
            if (dot < 0)
            {
                break;
            }

            rest = rest[(dot + 1)..];
        }

        if (needsIdna)
        {
            return AsciiResult.NeedsIdna;
        }

        Ascii.ToLower(domain, destination, out written);
        return AsciiResult.Done;
    }

    private static string? CheckLabel(ReadOnlySpan<char> label, bool isLast, int labels)
    {
        if (label.IsEmpty)
        {
            return isLast
                ? "a domain must not end with a dot."
                : "a domain must not start with a dot or contain two dots in a row.";
        }

        if (label.Length > MaxLabelLength)
        {
            return $"a domain label has at most {MaxLabelLength} characters.";
        }

        if (label[0] == '-' || label[^1] == '-')
        {
            return "a domain label must not start or end with a hyphen.";
        }

        if (!isLast)
        {
            return null;
        }

        // RFC 3696: a top-level domain is never all digits, so "10.0.0.1" is an IP address, not a domain. Beyond that,
        // every delegated top-level domain is letters or an IDNA A-label ("xn--p1ai"), which IDNA then checks.
        return labels < 2 ? "a domain needs at least two labels, such as 'example.com'."
            : !label.ContainsAnyExcept(Digits) ? "the top-level domain must not be all digits."
            : !label.ContainsAnyExcept(Letters) || label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase) ? null
            : "the top-level domain must be letters, or an internationalised (IDNA) label.";
    }

    private static string? CanonicalizeWithIdna(ReadOnlySpan<char> given, out string? error)
    {
        error = CharacterRules.FindUnprintable(given);
        if (error is not null)
        {
            return null;
        }

        var domain = given.ToString();
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
                    error = "the domain's punycode does not round-trip through IDNA.";
                    return null;
                }
            }
            else
            {
                // Given in Unicode: NFC first, as UTS #46 processing does, so that the composed and decomposed
                // spellings of a label are one domain. A label must not begin with a combining mark (UTS #46 validity
                // criterion 6); IDNA refuses that too, but without saying why.
                var normalized = domain.Normalize(NormalizationForm.FormC);
                if (CharacterRules.HasLoneMark(normalized))
                {
                    error = "a domain label must not start with a combining mark (it has nothing to combine with).";
                    return null;
                }

                // ToAscii then ToUnicode must give back the lower-case NFC form, or IDNA has dropped or mapped a
                // character that a lookalike domain could hide behind.
                var expected = domain.ToLowerInvariant().Normalize(NormalizationForm.FormC);
                ascii = Idn.GetAscii(normalized);
                if (!string.Equals(Idn.GetUnicode(ascii), expected, StringComparison.Ordinal))
                {
                    error = "the domain contains characters that IDNA drops or maps to others (invisible, fullwidth, compatibility or special-case letters).";
                    return null;
                }
            }
        }
        catch (ArgumentException)
        {
            error = "the domain is not a valid internationalised domain name.";
            return null;
        }

        // Every limit is about the ASCII form: check it with the same rules as the plain path.
        Span<char> buffer = stackalloc char[MaxLength];
        return TryLowerAscii(ascii, buffer, out _, out error) == AsciiResult.Invalid ? null : ascii.ToLowerInvariant();
    }
}
