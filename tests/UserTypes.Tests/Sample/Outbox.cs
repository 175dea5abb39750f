using System.Text.RegularExpressions;

namespace UserTypes.Tests.Sample;

/// <summary>The sample's outbox read as a person reads mail: the messages to an address, and the token of a link.</summary>
internal static partial class Outbox
{
    public static IReadOnlyList<(string Kind, string Text)> To(string folder, string email)
    {
        var outbox = Path.Combine(folder, "outbox");
        return !System.IO.Directory.Exists(outbox)
            ? []
            : [.. System.IO.Directory.GetFiles(outbox, "*.eml").Order(StringComparer.Ordinal)
                .Select(File.ReadAllText)
                .Where(text => text.Contains($"\r\nTo: {email}\r\n", StringComparison.OrdinalIgnoreCase))
                .Select(text => (Kind().Match(text).Groups[1].Value, text))];
    }

    /// <summary>The token of the newest link of that kind mailed to the address.</summary>
    public static string TokenFor(string folder, string email, string kind) =>
        Uri.UnescapeDataString(Token().Match(To(folder, email).Last(mail => mail.Kind == kind).Text).Groups[1].Value);

    [GeneratedRegex(@"X-UserTypes-Kind: (\w+)")]
    private static partial Regex Kind();

    [GeneratedRegex(@"[?&]token=([^&\s]+)")]
    private static partial Regex Token();
}
