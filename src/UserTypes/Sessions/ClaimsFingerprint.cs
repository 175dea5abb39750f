using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace UserTypes;

/// <summary>
/// A short digest of the claims UserTypes issues for a user, carried by a session principal beside them, so that the
/// check on every request compares one string with what the account holds now instead of every claim. The cookie that
/// carries it is protected, so its digest always describes its own claims.
/// </summary>
internal static class ClaimsFingerprint
{
    /// <summary>The claim type of the digest.</summary>
    public const string ClaimType = "usertypes:claims";

    /// <summary>The digest of the UserTypes claims among <paramref name="claims"/>, in order, but the session's own.</summary>
    /// <param name="claims">A principal's claims.</param>
    /// <returns>128 bits of SHA-256, base64url.</returns>
    public static string Of(IEnumerable<Claim> claims)
    {
        var text = new StringBuilder();
        foreach (var claim in claims)
        {
            if (claim.Issuer == AuthenticatedUser.ClaimsIssuer && claim.Type is not (UserTypesClaimTypes.SessionId or ClaimType))
            {
                text.Append(claim.Type).Append('\0').Append(claim.Value).Append('\0');
            }
        }

        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))[..16]);
    }
}
