namespace UserTypes.Tests.Email;

/// <summary>
/// Code points of the Unicode categories that have no business in an address, with the words the refusal must use.
/// Shared by the domain tests, the whole-address tests and the fast-path property tests, so that every path is
/// held to one list. Given as numbers and built in code: attribute strings are stored as UTF-8, where a lone
/// surrogate becomes U+FFFD.
/// </summary>
public static class ForbiddenCharacters
{
    private const string Control = "control characters";
    private const string WhiteSpace = "white space";
    private const string Formatting = "invisible formatting";
    private const string Surrogate = "lone surrogate";
    private const string PrivateUseOrUnassigned = "private-use or unassigned";

    /// <summary>Refused wherever they stand: (code point, what the message says, name).</summary>
    public static readonly (int CodePoint, string Problem, string Name)[] Anywhere =
    [
        // Controls (Cc). RFC 5321 4.1.2 and RFC 6531 3.3 allow none; IDNA2008 only takes letters, digits and marks
        // (RFC 5892 2.1, LetterDigits), and UTS #46 section 5 marks every control disallowed.
        (0x0000, Control, "NULL"),
        (0x0001, Control, "START OF HEADING"),
        (0x0009, WhiteSpace, "CHARACTER TABULATION"),   // a control that is also white space
        (0x000A, WhiteSpace, "LINE FEED"),
        (0x000D, WhiteSpace, "CARRIAGE RETURN"),
        (0x001B, Control, "ESCAPE"),
        (0x001F, Control, "UNIT SEPARATOR"),
        (0x007F, Control, "DELETE"),
        (0x0080, Control, "PADDING CHARACTER"),
        (0x0085, Control, "NEXT LINE"),
        (0x009F, Control, "APPLICATION PROGRAM COMMAND"),

        // Separators (Zs, Zl, Zp): RFC 5892 2.6 (IgnorableProperties: White_Space) makes them DISALLOWED; UTS #46
        // disallows them under STD3 rules (U+0020) or maps them to U+0020 first.
        (0x0020, WhiteSpace, "SPACE"),
        (0x00A0, WhiteSpace, "NO-BREAK SPACE"),
        (0x1680, WhiteSpace, "OGHAM SPACE MARK"),
        (0x2000, WhiteSpace, "EN QUAD"),
        (0x2007, WhiteSpace, "FIGURE SPACE"),
        (0x200A, WhiteSpace, "HAIR SPACE"),
        (0x202F, WhiteSpace, "NARROW NO-BREAK SPACE"),
        (0x205F, WhiteSpace, "MEDIUM MATHEMATICAL SPACE"),
        (0x3000, WhiteSpace, "IDEOGRAPHIC SPACE"),
        (0x2028, WhiteSpace, "LINE SEPARATOR"),
        (0x2029, WhiteSpace, "PARAGRAPH SEPARATOR"),

        // Format characters (Cf): RFC 5892 2.6 (Default_Ignorable_Code_Point) makes them DISALLOWED, and UTS #46
        // section 5 maps most of them to nothing ("ignored"), which would let them hide inside a lookalike. The
        // joiners are CONTEXTJ in IDNA2008 (RFC 5892 appendix A.1, A.2); an address refuses them outright, in both
        // parts. The bidi embeddings, overrides and isolates reorder what a reader sees (UAX #9; RFC 5893 1).
        (0x00AD, Formatting, "SOFT HYPHEN"),
        (0x061C, Formatting, "ARABIC LETTER MARK"),
        (0x180E, Formatting, "MONGOLIAN VOWEL SEPARATOR"),
        (0x200B, Formatting, "ZERO WIDTH SPACE"),
        (0x200C, Formatting, "ZERO WIDTH NON-JOINER"),
        (0x200D, Formatting, "ZERO WIDTH JOINER"),
        (0x200E, Formatting, "LEFT-TO-RIGHT MARK"),
        (0x200F, Formatting, "RIGHT-TO-LEFT MARK"),
        (0x202A, Formatting, "LEFT-TO-RIGHT EMBEDDING"),
        (0x202B, Formatting, "RIGHT-TO-LEFT EMBEDDING"),
        (0x202C, Formatting, "POP DIRECTIONAL FORMATTING"),
        (0x202D, Formatting, "LEFT-TO-RIGHT OVERRIDE"),
        (0x202E, Formatting, "RIGHT-TO-LEFT OVERRIDE"),
        (0x2060, Formatting, "WORD JOINER"),
        (0x2066, Formatting, "LEFT-TO-RIGHT ISOLATE"),
        (0x2067, Formatting, "RIGHT-TO-LEFT ISOLATE"),
        (0x2068, Formatting, "FIRST STRONG ISOLATE"),
        (0x2069, Formatting, "POP DIRECTIONAL ISOLATE"),
        (0xFEFF, Formatting, "ZERO WIDTH NO-BREAK SPACE"),
        (0xE0001, Formatting, "LANGUAGE TAG"),
        (0xE0041, Formatting, "TAG LATIN CAPITAL LETTER A"),
        (0xE007F, Formatting, "CANCEL TAG"),

        // Surrogates (Cs) alone are not characters at all: RFC 5892 2.1 leaves them DISALLOWED, and UTF-8 (RFC 3629 3)
        // cannot encode them.
        (0xD800, Surrogate, "first high surrogate"),
        (0xDBFF, Surrogate, "last high surrogate"),
        (0xDC00, Surrogate, "first low surrogate"),
        (0xDFFF, Surrogate, "last low surrogate"),

        // Private use (Co): RFC 5892 2.1 leaves them DISALLOWED; UTS #46 section 5 disallows them.
        (0xE000, PrivateUseOrUnassigned, "first private use"),
        (0xF8FF, PrivateUseOrUnassigned, "last private use of the BMP"),
        (0xF0000, PrivateUseOrUnassigned, "supplementary private use area A"),
        (0x10FFFD, PrivateUseOrUnassigned, "supplementary private use area B"),

        // Unassigned (Cn) and noncharacters: RFC 5892 2.10 (UNASSIGNED), RFC 5891 5.4; UTS #46 with AllowUnassigned
        // off (section 4, and the IdnMapping settings) refuses them.
        (0x0378, PrivateUseOrUnassigned, "unassigned in the Greek block"),
        (0xFDD0, PrivateUseOrUnassigned, "noncharacter"),
        (0xFFFF, PrivateUseOrUnassigned, "noncharacter"),
        (0x10FFFF, PrivateUseOrUnassigned, "last code point, a noncharacter"),
    ];

    /// <summary>
    /// Combining marks of each kind (Mn, Mc, Me), in and beyond the BMP: refused at the start of a label or an atom,
    /// where there is nothing to combine with (UTS #46 section 4.1, criterion 6; RFC 5891 4.2.3.2).
    /// </summary>
    public static readonly int[] Marks = [0x0301, 0x0308, 0x0903, 0x20DD, 0x1D165];

    /// <summary>The rows of <see cref="Anywhere"/> as NUnit test cases: (code point, problem).</summary>
    public static IEnumerable<TestCaseData> AnywhereCases =>
        Anywhere.Select(row => new TestCaseData(row.CodePoint, row.Problem).SetArgDisplayNames($"U+{row.CodePoint:X4} {row.Name}"));

    /// <summary>The code point as text; a surrogate code point becomes a lone surrogate.</summary>
    /// <param name="codePoint">Any code point, surrogates included.</param>
    /// <returns>One or two UTF-16 code units.</returns>
    public static string Text(int codePoint) => codePoint > 0xFFFF ? char.ConvertFromUtf32(codePoint) : ((char)codePoint).ToString();
}
