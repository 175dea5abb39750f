using BCrypt.Net;
using Microsoft.Extensions.Options;
using BCryptHasher = BCrypt.Net.BCrypt;

namespace UserTypes;

/// <summary>
/// BCrypt in its enhanced mode: the password is pre-hashed with SHA-384, so no part of a long password is ignored
/// (plain bcrypt silently drops everything after 72 bytes). Nothing from BCrypt escapes this class.
/// </summary>
internal sealed class PasswordHasher
{
    private const HashType PreHash = HashType.SHA384;

    private readonly int _workFactor;
    private readonly Lazy<string> _dummyHash;

    public PasswordHasher(IOptions<UserTypesOptions> options)
    {
        _workFactor = options.Value.Password.WorkFactor;

        // Verified against for unknown users, so that they cost exactly what a wrong password costs.
        _dummyHash = new Lazy<string>(() => Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));
    }

    /// <summary>Hashes a password that passed the policy.</summary>
    /// <param name="password">The password.</param>
    /// <returns>The hash to store.</returns>
    public string Hash(string password) => BCryptHasher.EnhancedHashPassword(password, _workFactor, PreHash);

    /// <summary>Checks a password against a stored hash. A malformed hash is a failure, never an exception.</summary>
    /// <param name="password">The password as given.</param>
    /// <param name="hash">The stored hash.</param>
    /// <param name="malformed">Whether the hash could not be read (worth an error log line).</param>
    /// <returns>The outcome.</returns>
    public PasswordVerification Verify(string password, string hash, out bool malformed)
    {
        malformed = false;
        try
        {
            if (!BCryptHasher.EnhancedVerify(password, hash, PreHash))
            {
                return PasswordVerification.Failed;
            }

            return BCryptHasher.PasswordNeedsRehash(hash, _workFactor)
                ? PasswordVerification.SucceededRehashNeeded
                : PasswordVerification.Succeeded;
        }
        catch (Exception e) when (e is SaltParseException or BcryptAuthenticationException or ArgumentException or FormatException)
        {
            malformed = true;
            return PasswordVerification.Failed;
        }
    }

    /// <summary>Spends one verification on nothing, for an attempt whose account does not exist.</summary>
    /// <param name="password">The password as given.</param>
    public void VerifyDummy(string password) => BCryptHasher.EnhancedVerify(password, _dummyHash.Value, PreHash);
}
