using System.Buffers;
using System.Globalization;
using System.Text;

namespace UserTypes;

/// <summary>
/// The character-level rules shared by the local part and the domain, and the messages that explain a refusal.
/// Only reached once the fast vectorised checks have found something unusual.
/// </summary>
internal static class CharacterRules
{
    /// <summary>Finds the first character of <paramref name="text"/> that no address may contain.</summary>
    /// <param name="text">Part of an address.</param>
    /// <returns><see langword="null"/> when every character is printable, else what is wrong.</returns>
    public static string? FindUnprintable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var error = text[i] < 0x80 ? DescribeUnprintableAscii(text[i]) : CheckNonAscii(text, ref i);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>Explains why an ASCII character is refused, when it is white space or a control character.</summary>
    /// <param name="c">An ASCII character.</param>
    /// <returns>The message, or <see langword="null"/> for a printable character.</returns>
    public static string? DescribeUnprintableAscii(char c) => c switch
    {
        _ when char.IsWhiteSpace(c) => "an address must not contain white space.",
        _ when char.IsControl(c) => "an address must not contain control characters.",
        _ => null,
    };

    /// <summary>
    /// Whether a combining mark starts <paramref name="text"/> or follows one of its dots, with nothing to combine
    /// with: a local part's atom or a domain's label must begin with a base character (UTS #46 section 4.1,
    /// validity criterion 6; RFC 5891 section 4.2.3.2).
    /// </summary>
    /// <param name="text">Part of an address, of valid UTF-16.</param>
    /// <returns><see langword="true"/> when an atom or label begins with a mark.</returns>
    public static bool HasLoneMark(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out var first, out _) == OperationStatus.Done
                && Rune.GetUnicodeCategory(first) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                return true;
            }

            var dot = text.IndexOf('.');
            text = dot < 0 ? default : text[(dot + 1)..];
        }

        return false;
    }

    /// <summary>
    /// Checks the non-ASCII character at <paramref name="i"/>: printable Unicode only, no lone surrogates,
    /// invisible format characters, separators, private use or unassigned code points.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="i">The index of the character; moved past a surrogate pair.</param>
    /// <returns><see langword="null"/> when acceptable, else what is wrong.</returns>
    public static string? CheckNonAscii(ReadOnlySpan<char> text, ref int i)
    {
        if (Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed) != OperationStatus.Done)
        {
            return "an address must be valid UTF-16 (it contains a lone surrogate).";
        }

        i += consumed - 1;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => "an address must not contain control characters.",
            UnicodeCategory.Format => "an address must not contain invisible formatting characters.",
            UnicodeCategory.SpaceSeparator or
            UnicodeCategory.LineSeparator or
            UnicodeCategory.ParagraphSeparator => "an address must not contain white space.",
            UnicodeCategory.PrivateUse or
            UnicodeCategory.OtherNotAssigned => "an address must not contain private-use or unassigned characters.",
            _ => null,
        };
    }
}
