using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace UserTypes;

/// <summary>
/// The classification hot path, hand-written because measurement showed it pays: it accepts a plain ASCII address
/// of up to <see cref="MaxLength"/> characters and lower-cases it, or gives up. It never refuses anything itself:
/// whatever it does not accept goes to the full parser, which decides and explains. Property tests pin that the
/// two agree.
/// </summary>
/// <remarks>
/// Eight characters at a time become one bit per position in a mask per character class, so a whole address fits
/// in one <see cref="ulong"/> per class. Every rule is then a few operations on whole masks instead of a branch per
/// character. The local part takes letters, digits and <c>. + - _ '</c>; rarer atext characters go to the full
/// parser. The domain takes letters, digits, hyphens and dots, and no IDNA label.
/// </remarks>
internal static class PlainAddress
{
    /// <summary>The longest address taken: one bit per character, plus one for the end of the address.</summary>
    public const int MaxLength = 63;

    /// <summary>How many characters the buffer given to <see cref="TryLowerDomain"/> must hold.</summary>
    public const int BufferLength = MaxLength + 1;

    private const int Lanes = 8;   // Vector128<ushort>.Count

    /// <summary>Tries the plain form: <c>dot-atom@ldh-labels</c>.</summary>
    /// <param name="email">The address as given.</param>
    /// <param name="buffer">Scratch space of at least <see cref="BufferLength"/> characters.</param>
    /// <param name="domain">Receives the lower-case domain, a slice of <paramref name="buffer"/>.</param>
    /// <returns><see langword="true"/> if the address is plain and valid; <see langword="false"/> if the full parser must decide.</returns>
    public static bool TryLowerDomain(ReadOnlySpan<char> email, Span<char> buffer, out ReadOnlySpan<char> domain)
    {
        domain = default;
        var length = email.Length;
        if (length is 0 or > MaxLength)
        {
            return false;
        }

        // Shorter than one vector: work on a copy padded with letters, which set no bit that a rule reads past the end.
        var text = email;
        if (length < Lanes)
        {
            email.CopyTo(buffer);
            buffer[length..Lanes].Fill('a');
            text = buffer[..Lanes];
        }

        var source = MemoryMarshal.Cast<char, ushort>(text);
        var target = MemoryMarshal.Cast<char, ushort>(buffer);
        ulong at = 0, dot = 0, hyphen = 0, digit = 0, hostName = 0, localPart = 0;
        for (var start = 0; ; start += Lanes)
        {
            // The last step overlaps the one before instead of reading past the end: a position seen twice sets the
            // same bits and is lower-cased to the same character.
            start = Math.Min(start, source.Length - Lanes);
            var characters = Vector128.Create(source.Slice(start, Lanes));
            var isUpper = Vector128.LessThanOrEqual(characters - Vector128.Create((ushort)'A'), Vector128.Create((ushort)('Z' - 'A')));
            var lowered = characters | (isUpper & Vector128.Create((ushort)0x20));
            var isDigit = Vector128.LessThanOrEqual(characters - Vector128.Create((ushort)'0'), Vector128.Create((ushort)9));
            var isDot = Vector128.Equals(characters, Vector128.Create((ushort)'.'));
            var isHyphen = Vector128.Equals(characters, Vector128.Create((ushort)'-'));
            var isHostName = Vector128.LessThanOrEqual(lowered - Vector128.Create((ushort)'a'), Vector128.Create((ushort)('z' - 'a')))
                | isDigit | isDot | isHyphen;
            var isLocalPart = isHostName
                | Vector128.Equals(characters, Vector128.Create((ushort)'+'))
                | Vector128.Equals(characters, Vector128.Create((ushort)'_'))
                | Vector128.Equals(characters, Vector128.Create((ushort)'\''));
            lowered.CopyTo(target[start..]);

            at |= Bits(Vector128.Equals(characters, Vector128.Create((ushort)'@')), start);
            dot |= Bits(isDot, start);
            hyphen |= Bits(isHyphen, start);
            digit |= Bits(isDigit, start);
            hostName |= Bits(isHostName, start);
            localPart |= Bits(isLocalPart, start);
            if (start == source.Length - Lanes)
            {
                break;
            }
        }

        if (at == 0 || (at & (at - 1)) != 0)
        {
            return false;   // no '@', or more than one
        }

        var address = ulong.MaxValue >> (64 - length);
        var local = at - 1;
        var host = address & ~(local | at);
        var hostDots = dot & host;
        if (hostDots == 0)
        {
            return false;   // one label, or nothing after '@'
        }

        var labelBefore = hostDots | at;                // what precedes each label
        var labelAfter = hostDots | (1UL << length);    // what follows each label
        var separators = labelBefore | labelAfter;
        var hostHyphens = hyphen & host;
        var topLevel = address & ~((2UL << (63 - BitOperations.LeadingZeroCount(hostDots))) - 1);
        var broken =
            (at & 1)                                            // an empty local part
            | (local & ~localPart)                              // a character the local part may not (here) hold
            | (host & ~hostName)                                // ... or the domain, a second '@' included
            | (dot & 1) | (dot & (at >> 1))                     // a dot first or last in the local part
            | (local & dot & (dot >> 1))                        // two dots in a row in the local part
            | (separators & (separators >> 1))                  // an empty label: "@.", ".." or a trailing dot
            | (hostHyphens & (labelBefore << 1))                // a label that starts with a hyphen
            | (hostHyphens & (labelAfter >> 1))                 // ... or ends with one
            | ((labelBefore << 3) & hostHyphens & (hostHyphens >> 1)); // hyphens third and fourth: IDNA's "xn--"

        // A top-level label of letters only: digits (an IP address) and hyphens (an A-label) are the parser's to judge.
        if (broken != 0 || (topLevel & (digit | hyphen)) != 0)
        {
            return false;
        }

        domain = buffer[(BitOperations.TrailingZeroCount(at) + 1)..length];
        return true;
    }

    private static ulong Bits(Vector128<ushort> matches, int start) => (ulong)matches.ExtractMostSignificantBits() << start;
}
