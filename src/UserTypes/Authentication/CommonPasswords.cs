using System.Collections.Frozen;

namespace UserTypes;

/// <summary>
/// The 30,000 most common passwords of the zxcvbn frequency list, embedded in the assembly and read once per process
/// when the first password is checked. Compared without regard to case, since "Password1" is guessed as soon as
/// "password1" is.
/// </summary>
internal static class CommonPasswords
{
    private static readonly Lazy<FrozenSet<string>> All = new(Load);

    /// <summary>Whether <paramref name="password"/> is on the list, ignoring case.</summary>
    /// <param name="password">The password.</param>
    /// <returns>Whether it is one of the common passwords.</returns>
    public static bool Contains(string password) => All.Value.Contains(password);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("UserTypes.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the UserTypes assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>(30_000);
        while (reader.ReadLine() is { } line)
        {
            words.Add(line);
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
