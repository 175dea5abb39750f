namespace UserTypes;

/// <summary>
/// The classification hot path, hand-written because measurement showed it pays: one scalar pass that accepts a
/// plain ASCII address and lower-cases its domain, or gives up. It never refuses anything itself: whatever it
/// does not accept goes to the full parser, which decides and explains. Property tests pin that both agree.
/// </summary>
internal static class PlainAddress
{
    private const byte LocalPart = 1;   // RFC 5322 atext, and the dot
    private const byte Domain = 2;      // letters, digits, hyphen
    private const byte Upper = 4;       // A-Z
    private const byte Digit = 8;       // 0-9

    /// <summary>Tries the plain ASCII form: <c>dot-atom@ldh-labels</c> with no IDNA label.</summary>
    /// <param name="email">The address as given.</param>
    /// <param name="domain">Receives the lower-case domain; at least <see cref="DomainName.MaxLength"/> characters.</param>
    /// <param name="written">How many characters of <paramref name="domain"/> were written.</param>
    /// <returns><see langword="true"/> if the address is plain and valid; <see langword="false"/> if the full parser must decide.</returns>
    public static bool TryLowerDomain(ReadOnlySpan<char> email, Span<char> domain, out int written)
    {
        written = 0;
        if (email.Length > EmailAddress.MaxLength)
        {
            return false;
        }

        var classes = CharacterClasses;
        var at = 0;
        var previous = '.';    // a leading dot then looks like a doubled one
        for (; at < email.Length; at++)
        {
            var c = email[at];
            if (c == '@')
            {
                break;
            }

            if (c >= 128 || (classes[c] & LocalPart) == 0 || (c == '.' && previous == '.'))
            {
                return false;
            }

            previous = c;
        }

        if (at is 0 or > 64 || previous == '.' || at >= email.Length - 1)
        {
            return false;
        }

        var labelStart = 0;
        var labels = 1;
        var allDigits = true;
        var source = email[(at + 1)..];
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '.')
            {
                if (!IsPlainLabel(source, labelStart, i))
                {
                    return false;
                }

                labels++;
                labelStart = i + 1;
                allDigits = true;
                domain[i] = '.';
                continue;
            }

            int kind = c < 128 ? classes[c] : 0;
            if ((kind & Domain) == 0)
            {
                return false;
            }

            allDigits &= (kind & Digit) != 0;
            domain[i] = (kind & Upper) != 0 ? (char)(c | 0x20) : c;
        }

        if (labels < 2 || allDigits || !IsPlainLabel(source, labelStart, source.Length))
        {
            return false;
        }

        written = source.Length;
        return true;
    }

    // 1 to 63 characters, no hyphen at either end, and no hyphens in places 3 and 4 (IDNA's "xn--" territory).
    private static bool IsPlainLabel(ReadOnlySpan<char> domain, int start, int end)
    {
        var length = end - start;
        return length is >= 1 and <= 63
            && domain[start] != '-' && domain[end - 1] != '-'
            && !(length >= 4 && domain[start + 2] == '-' && domain[start + 3] == '-');
    }

    private static ReadOnlySpan<byte> CharacterClasses =>
    [
        // 0x00-0x1F: control characters
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        // ' ' ! " # $ % & ' ( ) * + , - . /
        0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 3, 1, 1,
        // 0-9 : ; < = > ?
        11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 0, 0, 0, 1, 0, 1,
        // @ A-O
        0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
        // P-Z [ \ ] ^ _
        7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 1, 1,
        // ` a-o
        1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        // p-z { | } ~ DEL
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 0,
    ];
}
