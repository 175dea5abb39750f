using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace UserTypes;

/// <summary>
/// What a key looks like: <c>utk_</c>, a 96-bit id, <c>_</c>, and a 256-bit secret, both base64url from the
/// operating system's CSPRNG; 64 characters in all. The prefix lets a host (and a secret scanner) tell a UserTypes key
/// from other bearer tokens; the id is the public part by which the key is found. A store keeps the SHA-256 of the
/// whole key.
/// </summary>
internal static class ApiKeyFormat
{
    private const string Prefix = ApiKey.Prefix;
    private const int IdBytes = 12;
    private const int SecretBytes = 32;
    private const int IdLength = IdBytes / 3 * 4;
    private const int Length = 4 + IdLength + 1 + 43;

    private static readonly SearchValues<char> Base64UrlCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>A new key and its id.</summary>
    public static (string Id, string Key) Create()
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes));
        return (id, $"{Prefix}{id}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes))}");
    }

    /// <summary>The id of a well-formed key, or <see langword="false"/> for anything else.</summary>
    public static bool TryReadId(ReadOnlySpan<char> key, out ReadOnlySpan<char> id)
    {
        id = default;
        // The separator is a base64url character too, so the parts are told apart by their fixed lengths.
        if (key.Length != Length || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + IdLength] != '_'
            || key[Prefix.Length..].ContainsAnyExcept(Base64UrlCharacters))
        {
            return false;
        }

        id = key.Slice(Prefix.Length, IdLength);
        return true;
    }

    /// <summary>The SHA-256 of a key, as a store keeps it.</summary>
    public static byte[] Hash(string key)
    {
        var hash = new byte[SHA256.HashSizeInBytes];
        Hash(key, hash);
        return hash;
    }

    /// <summary>Whether a well-formed key has the hash, compared in fixed time.</summary>
    public static bool Matches(ReadOnlySpan<char> key, ReadOnlySpan<byte> hash)
    {
        Span<byte> computed = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(key, computed);
        return CryptographicOperations.FixedTimeEquals(computed, hash);
    }

    // Only called for well-formed keys, which are ASCII.
    private static void Hash(ReadOnlySpan<char> key, Span<byte> destination)
    {
        Span<byte> ascii = stackalloc byte[Length];
        var written = Encoding.ASCII.GetBytes(key, ascii);
        SHA256.HashData(ascii[..written], destination);
    }
}
