namespace UserTypes;

/// <summary>The one check of a user name given by the host (a signed-up account's is its canonical e-mail address).</summary>
internal static class UserName
{
    /// <summary>The most characters a user name may have.</summary>
    public const int MaxLength = 256;

    /// <summary>Throws unless <paramref name="userName"/> is usable.</summary>
    /// <param name="userName">The user name.</param>
    /// <param name="paramName">The caller's parameter name.</param>
    /// <exception cref="ArgumentNullException">The name is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is empty, too long, padded with white space or has control characters.</exception>
    public static void ThrowIfInvalid(string? userName, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName, paramName);
        var error = userName switch
        {
            { Length: > MaxLength } => $"it has more than {MaxLength} characters.",
            _ when char.IsWhiteSpace(userName[0]) || char.IsWhiteSpace(userName[^1]) => "it starts or ends with white space.",
            _ when userName.Any(char.IsControl) => "it contains a control character.",
            _ => null,
        };
        if (error is not null)
        {
            throw new ArgumentException($"'{paramName}' is not a valid user name: {error}", paramName);
        }
    }
}
