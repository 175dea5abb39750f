using System.Security.Cryptography;
using System.Text;

namespace UserTypes;

/// <summary>
/// E-mail confirmation tokens: 256 random bits, base64url, stored only as a SHA-256 hash and compared in constant
/// time. A hash is enough (no salt or stretching) because the token has full entropy, unlike a password.
/// </summary>
internal static class EmailConfirmationToken
{
    private const int RandomBytes = 32;

    /// <summary>Makes a new token.</summary>
    /// <param name="hash">The hash to store.</param>
    /// <returns>The token for the host to send.</returns>
    public static string Create(out byte[] hash)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(RandomBytes));
        hash = Hash(token);
        return token;
    }

    /// <summary>Whether <paramref name="token"/> is the one whose hash is <paramref name="storedHash"/>.</summary>
    /// <param name="token">The token presented.</param>
    /// <param name="storedHash">The stored hash.</param>
    /// <returns>Whether it matches.</returns>
    public static bool Matches(string token, byte[] storedHash) =>
        token.Length <= 2 * RandomBytes && CryptographicOperations.FixedTimeEquals(Hash(token), storedHash);

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
