using System.Buffers;
using System.Text;

namespace UserTypes;

/// <summary>
/// A validated e-mail address in canonical form. Every address the library sees goes through this parser, and
/// every comparison uses its output.
/// </summary>
/// <remarks>
/// Only a plain addr-spec is accepted: one <c>@</c>, a dot-atom local part of at most 64 octets in UTF-8 (any
/// printable Unicode allowed, as RFC 6531 does), no display name, comment, quoted local part, white space or
/// control character, at most 254 octets in all. The local part is lower-cased with invariant rules and
/// put in NFC, so that addresses differing only in case are one address, and the rules are checked again on that
/// canonical form; the domain is canonicalised by <see cref="DomainName"/>.
/// </remarks>
internal sealed class EmailAddress
{
    /// <summary>The most characters an address may have (RFC 5321's path limit less the angle brackets).</summary>
    public const int MaxLength = 254;

    private const int MaxLocalPartLength = 64;

    // RFC 5322 atext and the dot: everything a plain ASCII local part may contain.
    private static readonly SearchValues<char> AsciiLocalPart =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.");

    private static readonly SearchValues<char> DisplayNameCommentOrQuote = SearchValues.Create("<>()\"");

    private static readonly SearchValues<char> DisplayNameCommentOrQuoteOrAt = SearchValues.Create("<>()\"@");

    private EmailAddress(string localPart, string domain)
    {
        LocalPart = localPart;
        Domain = domain;
        Value = string.Concat(localPart, "@", domain);
    }

    /// <summary>The part before the <c>@</c>, lower-case, in NFC.</summary>
    public string LocalPart { get; }

    /// <summary>The canonical domain: lower-case ASCII, punycode for international labels.</summary>
    public string Domain { get; }

    /// <summary>The whole canonical address.</summary>
    public string Value { get; }

    /// <summary>Parses <paramref name="email"/> or throws an <see cref="ArgumentException"/> naming <paramref name="paramName"/>.</summary>
    /// <param name="email">The address as given.</param>
    /// <param name="paramName">The caller's parameter name.</param>
    /// <returns>The canonical address.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="email"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="email"/> is not a plain, valid address.</exception>
    public static EmailAddress Parse(string? email, string paramName)
    {
        ArgumentNullException.ThrowIfNull(email, paramName);
        EmailAddress? address = null;
        var error = CheckLocalPart(email, out var at) ?? DomainName.TryCanonicalize(email.AsSpan(at + 1), out var domain) ?? Canonicalize(email, at, domain!, out address);
        if (error is not null)
        {
            throw InvalidAddress(error, paramName);
        }

        return address!;
    }

    /// <summary>Parses <paramref name="text"/> if it is a valid address.</summary>
    /// <param name="text">Any text.</param>
    /// <param name="address">The canonical address, when valid.</param>
    /// <returns>Whether <paramref name="text"/> is a valid address.</returns>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EmailAddress? address)
    {
        address = null;
        return CheckLocalPart(text, out var at) is null
            && DomainName.TryCanonicalize(text.AsSpan(at + 1), out var domain) is null
            && Canonicalize(text, at, domain!, out address) is null;
    }

    // The canonical form, and the rules checked again on it: lower-casing and NFC can change an international local
    // part's characters (U+037E GREEK QUESTION MARK becomes ';') and its length, and what is stored and compared is
    // what must be valid. Lengths are octets, as RFC 5321 counts them and RFC 6531 keeps for UTF-8.
    private static string? Canonicalize(string email, int at, string domain, out EmailAddress? address)
    {
        address = null;
        var localPart = email[..at].ToLowerInvariant();
        if (!Ascii.IsValid(localPart))
        {
            localPart = localPart.Normalize(NormalizationForm.FormC);
            var octets = Encoding.UTF8.GetByteCount(localPart);
            var error = octets > MaxLocalPartLength
                ? $"the part before '@' has at most {MaxLocalPartLength} octets in UTF-8 (it has {octets})."
                : octets + 1 + domain.Length > MaxLength
                    ? $"an address has at most {MaxLength} octets in UTF-8."
                    : CharacterRules.HasLoneMark(localPart)
                        ? "the part before '@' must not have a combining mark with nothing to combine with."
                        : Diagnose(string.Concat(localPart, "@", domain), localPart.Length);
            if (error is not null)
            {
                return error;
            }
        }

        address = new EmailAddress(localPart, domain);
        return null;
    }

    private static ArgumentException InvalidAddress(string error, string paramName) =>
        new($"'{paramName}' is not a valid e-mail address: {error}", paramName);

    // Everything but the domain's own rules: the length, one '@', and a dot-atom local part.
    private static string? CheckLocalPart(ReadOnlySpan<char> email, out int at)
    {
        at = -1;
        if (email.Length > MaxLength)
        {
            // Checked first so that a huge string is refused without being read.
            return $"an address has at most {MaxLength} characters.";
        }

        at = email.IndexOf('@');
        var isPlain = at is > 0 and <= MaxLocalPartLength
            && email[..at].IndexOfAnyExcept(AsciiLocalPart) < 0
            && email[(at + 1)..].IndexOfAny(DisplayNameCommentOrQuoteOrAt) < 0
            && email[0] != '.' && email[at - 1] != '.' && !email[..at].Contains("..", StringComparison.Ordinal);
        return isPlain ? null : Diagnose(email, at);
    }

    // The slow path: says precisely what is wrong, or accepts an international local part.
    private static string? Diagnose(ReadOnlySpan<char> email, int at)
    {
        // The forms RFC 5322 allows but a plain addr-spec does not get their own message, wherever they stand.
        var special = email.IndexOfAny(DisplayNameCommentOrQuote);
        if (special >= 0)
        {
            return email[special] switch
            {
                '<' or '>' => "display names ('Name <address>') are not accepted; give the address alone.",
                '(' or ')' => "comments are not accepted.",
                _ => "quoted local parts are not accepted.",
            };
        }

        if (at < 0 || email[(at + 1)..].Contains('@'))
        {
            return "an address contains exactly one '@'.";
        }

        if (at == 0)
        {
            return "the part before '@' is empty.";
        }

        if (at > MaxLocalPartLength)
        {
            return $"the part before '@' has at most {MaxLocalPartLength} characters.";
        }

        var local = email[..at];
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return "the part before '@' must not start or end with a dot or contain two dots in a row.";
        }

        for (var i = 0; i < local.Length; i++)
        {
            var c = local[i];
            var error = c >= 0x80
                ? CharacterRules.CheckNonAscii(local, ref i)
                : AsciiLocalPart.Contains(c) ? null : CharacterRules.DescribeUnprintableAscii(c) ?? $"the part before '@' must not contain '{c}'.";
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }
}
