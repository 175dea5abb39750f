using System.Globalization;
using System.Text;

namespace UserTypes;

/// <summary>
/// What a caller typed, made safe for one log line: cut to a bounded length and with every character that could break
/// or disguise the line (controls, line and paragraph separators, format characters such as bidi overrides, lone
/// surrogates) written as a <c>\uXXXX</c> escape, and the backslash doubled so an escape cannot be forged.
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
        for (var i = 0; i < shown; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < shown && char.IsLowSurrogate(text[i + 1]);
            if (paired)
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c == '\\')
            {
                builder.Append(@"\\");
            }
            else if (NeedsEscape(c))
            {
                builder.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (shown < text.Length)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… ({text.Length - shown} more characters)");
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => char.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
}
