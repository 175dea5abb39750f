using System.Text;
using System.Threading.RateLimiting;
using BCrypt.Net;
using Microsoft.Extensions.Options;
using BCryptHasher = BCrypt.Net.BCrypt;

namespace UserTypes;

/// <summary>
/// BCrypt in its enhanced mode: the password is pre-hashed with SHA-384, so no part of a long password is ignored
/// (plain bcrypt silently drops everything after 72 bytes). Passwords are hashed in Unicode normalisation form KC
/// (NIST SP 800-63B 5.1.1.2), so one password typed on keyboards that compose characters differently is one
/// password. Nothing from BCrypt escapes this class.
/// </summary>
/// <remarks>
/// A hash of the normalised password is stored as <c>$nfkc</c> followed by the BCrypt hash. A hash without that mark
/// was made from the password as typed (before normalisation was introduced): it is verified as it was made, and
/// reported as needing a rehash, so the login that proves it stores the normalised form. Either way one BCrypt
/// verification is spent. Every computation runs inside a slot of the <see cref="HashingGate"/>: the synchronous
/// methods inside one the caller holds (<see cref="EnterAsync"/>), the asynchronous ones take their own.
/// </remarks>
internal sealed class PasswordHasher
{
    private const HashType PreHash = HashType.SHA384;

    private const string NormalizedMark = "$nfkc";

    private readonly int _workFactor;
    private readonly Lazy<string> _dummyHash;
    private readonly HashingGate _gate;

    public PasswordHasher(HashingGate gate, IOptions<UserTypesOptions> options)
    {
        _gate = gate;
        _workFactor = options.Value.Password.WorkFactor;

        // Verified against for unknown users, so that they cost exactly what a wrong password costs.
        _dummyHash = new Lazy<string>(() => Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));
    }

    /// <summary>The form a password is compared in: NFKC. Already normalised text (all ASCII, for one) is returned as is.</summary>
    /// <param name="password">The password.</param>
    /// <returns>The normalised password, or <see langword="null"/> when it is not valid UTF-16 (no account can have it).</returns>
    public static string? Normalize(string password)
    {
        try
        {
            return password.IsNormalized(NormalizationForm.FormKC) ? password : password.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Takes a slot of the hashing gate, for a caller that runs the synchronous methods inside it.</summary>
    /// <param name="cancellationToken">Cancels the wait for a slot.</param>
    /// <returns>The slot; dispose it when done.</returns>
    /// <exception cref="HashingBusyException">Every slot and the queue are taken.</exception>
    public ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken) => _gate.EnterAsync(cancellationToken);

    /// <summary>Hashes a password that passed the policy, in a slot of its own.</summary>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels the wait for a slot.</param>
    /// <returns>The hash to store.</returns>
    /// <exception cref="HashingBusyException">Every slot and the queue are taken.</exception>
    public async Task<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        using var slot = await EnterAsync(cancellationToken).ConfigureAwait(false);
        return Hash(password);
    }

    /// <summary>Spends one verification on nothing, in a slot of its own.</summary>
    /// <param name="password">The password as given.</param>
    /// <param name="cancellationToken">Cancels the wait for a slot.</param>
    /// <returns>A task that completes when spent.</returns>
    /// <exception cref="HashingBusyException">Every slot and the queue are taken.</exception>
    public async Task VerifyDummyAsync(string password, CancellationToken cancellationToken)
    {
        using var slot = await EnterAsync(cancellationToken).ConfigureAwait(false);
        VerifyDummy(password);
    }

    /// <summary>Hashes a password that passed the policy.</summary>
    /// <param name="password">The password.</param>
    /// <returns>The hash to store.</returns>
    public string Hash(string password) =>
        NormalizedMark + BCryptHasher.EnhancedHashPassword(Normalize(password) ?? throw new ArgumentException("The password is not valid UTF-16.", nameof(password)), _workFactor, PreHash);

    /// <summary>Checks a password against a stored hash. A malformed hash is a failure, never an exception.</summary>
    /// <param name="password">The password as given.</param>
    /// <param name="hash">The stored hash.</param>
    /// <param name="malformed">Whether the hash could not be read (worth an error log line).</param>
    /// <returns>The outcome.</returns>
    public PasswordVerification Verify(string password, string hash, out bool malformed)
    {
        malformed = false;
        var normalized = hash.StartsWith(NormalizedMark, StringComparison.Ordinal);

        // A legacy hash is checked against the password as typed, whether or not it normalises (U+FFFE does not).
        if ((normalized ? Normalize(password) : password) is not { } compared)
        {
            return PasswordVerification.Failed;
        }

        try
        {
            var bcrypt = normalized ? hash[NormalizedMark.Length..] : hash;
            if (!BCryptHasher.EnhancedVerify(compared, bcrypt, PreHash))
            {
                return PasswordVerification.Failed;
            }

            return !normalized || BCryptHasher.PasswordNeedsRehash(bcrypt, _workFactor)
                ? PasswordVerification.SucceededRehashNeeded
                : PasswordVerification.Succeeded;
        }
        catch (Exception e) when (e is SaltParseException or BcryptAuthenticationException or ArgumentException or FormatException)
        {
            malformed = true;
            return PasswordVerification.Failed;
        }
    }

    /// <summary>Spends one verification on nothing, for an attempt whose account does not exist or may not be tried.</summary>
    /// <param name="password">The password as given.</param>
    public void VerifyDummy(string password) => Verify(password, _dummyHash.Value, out _);
}
