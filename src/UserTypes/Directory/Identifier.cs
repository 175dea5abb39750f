namespace UserTypes;

/// <summary>The one check of an id (workspace, account or contact person), shared by every public method that takes one.</summary>
internal static class Identifier
{
    /// <summary>The most characters an id may have.</summary>
    public const int MaxLength = 128;

    /// <summary>Throws unless <paramref name="value"/> is a usable id.</summary>
    /// <param name="value">The id to check.</param>
    /// <param name="paramName">The caller's parameter name, which also names the id in the message.</param>
    /// <exception cref="ArgumentNullException">The id is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The id is empty, white space, too long or has control characters.</exception>
    public static void ThrowIfInvalid(string? value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"'{paramName}' has at most {MaxLength} characters (was {value.Length}).", paramName);
        }

        if (HasControlCharacters(value))
        {
            throw new ArgumentException($"'{paramName}' must not contain control characters.", paramName);
        }
    }

    /// <summary>Whether <paramref name="value"/> is a usable id, for a check inside a larger argument.</summary>
    /// <param name="value">The id to check.</param>
    /// <returns>Whether <see cref="ThrowIfInvalid"/> would accept it.</returns>
    public static bool IsValid(string value) => !string.IsNullOrWhiteSpace(value) && value.Length <= MaxLength && !HasControlCharacters(value);

    private static bool HasControlCharacters(string value) =>
        value.AsSpan().ContainsAnyInRange('\0', '\u001f') || value.Contains('\u007f', StringComparison.Ordinal);
}
