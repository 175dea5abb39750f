using System.Security.Cryptography;
using System.Text;

namespace UserTypes;

/// <summary>
/// The tokens of the mailbox flows: 256 random bits from a CSPRNG, base64url, stored only as a SHA-256 hash and
/// compared in constant time. A hash is enough (no salt or stretching) because a token has full entropy, unlike a
/// password.
/// </summary>
internal static class AccountToken
{
    private const int RandomBytes = 32;

    /// <summary>The one message of every token that cannot be used: it tells a guesser nothing.</summary>
    public const string Invalid = "The token is not valid: it is wrong, expired or already used, or the address was taken meanwhile.";

    /// <summary>Makes a new token.</summary>
    /// <param name="hash">The hash to store.</param>
    /// <returns>The token for the mail.</returns>
    public static string Create(out byte[] hash)
    {
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));
        hash = Hash(token);
        return token;
    }

    /// <summary>The first of <paramref name="stored"/> that <paramref name="token"/> is, if it has not expired.</summary>
    /// <param name="token">The token presented.</param>
    /// <param name="stored">The usable tokens of the address and purpose.</param>
    /// <param name="now">The time now.</param>
    /// <returns>The matching token, or <see langword="null"/>.</returns>
    public static StoredToken? Match(string token, IReadOnlyList<StoredToken> stored, DateTimeOffset now)
    {
        if (token.Length > 2 * RandomBytes)
        {
            return null;
        }

        var hash = Hash(token);
        StoredToken? match = null;

        // Every candidate is compared, in constant time, so the answer's time says nothing about which one matched.
        foreach (var candidate in stored)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, candidate.Hash) && now < candidate.ExpiresAt)
            {
                match ??= candidate;
            }
        }

        return match;
    }

    /// <summary>The error of a token that cannot be used.</summary>
    /// <returns>The exception, ParamName <c>token</c>.</returns>
    public static ArgumentException Refused() => new(Invalid, "token");

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
