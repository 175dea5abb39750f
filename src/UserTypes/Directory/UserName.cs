using System.Diagnostics.CodeAnalysis;

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
    public static void ThrowIfInvalid([NotNull] string? userName, string paramName)
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

    /// <summary>
    /// Throws unless <paramref name="userName"/> is usable by an account with address <paramref name="email"/>: a user
    /// name that is an e-mail address must be the account's own, or one account could log in under another person's
    /// address.
    /// </summary>
    /// <param name="userName">The user name.</param>
    /// <param name="email">The account's canonical address, or <see langword="null"/> for an account without one.</param>
    /// <param name="paramName">The caller's parameter name.</param>
    /// <exception cref="ArgumentNullException">The name is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is unusable, or an address other than <paramref name="email"/>.</exception>
    public static void ThrowIfInvalidFor(string? userName, EmailAddress? email, string paramName)
    {
        ThrowIfInvalid(userName, paramName);
        if (EmailAddress.TryParse(userName, out var address) && address.Value != email?.Value)
        {
            throw new ArgumentException($"'{paramName}' is an e-mail address, so it must be the account's own address.", paramName);
        }
    }
}
