using System.Buffers;
using System.Globalization;
using System.Text;

namespace UserTypes;

/// <summary>
/// What a caller typed, made safe for one log line: cut to a bounded length and with every character that could break
/// or disguise the line (controls, line and paragraph separators, format characters such as bidi overrides and tag
/// characters, private use, unassigned, lone surrogates) written as <c>\uXXXX</c> escapes of its UTF-16 units, and
/// the backslash doubled so an escape cannot be forged.
/// </summary>
internal static class LogText
{
    /// <summary>The most characters of a caller's input that reach a log line.</summary>
    public const int MaxLength = 256;

    /// <summary>Returns <paramref name="text"/> bounded and escaped; <see langword="null"/> stays <see langword="null"/>.</summary>
    /// <param name="text">The caller's input.</param>
    /// <returns>At most <see cref="MaxLength"/> characters of it, escaped, with the number of characters left out.</returns>
    public static string? Of(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var shown = text.Length <= MaxLength ? text.Length : MaxLength - (char.IsHighSurrogate(text[MaxLength - 1]) ? 1 : 0);
        var builder = new StringBuilder(shown + 16);
        for (var i = 0; i < shown;)
        {
            // Whole characters, so that one outside the basic plane (a tag character, private use) is judged too; a
            // lone surrogate is one unit that is not a character.
            var valid = Rune.DecodeFromUtf16(text.AsSpan(i, shown - i), out var rune, out var consumed) == OperationStatus.Done;
            var units = text.AsSpan(i, valid ? consumed : 1);
            if (valid && rune.Value == '\\')
            {
                builder.Append(@"\\");
            }
            else if (!valid || NeedsEscape(Rune.GetUnicodeCategory(rune)))
            {
                foreach (var unit in units)
                {
                    builder.Append(CultureInfo.InvariantCulture, $@"\u{(int)unit:X4}");
                }
            }
            else
            {
                builder.Append(units);
            }

            i += units.Length;
        }

        if (shown < text.Length)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… ({text.Length - shown} more characters)");
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(UnicodeCategory category) => category is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
}
