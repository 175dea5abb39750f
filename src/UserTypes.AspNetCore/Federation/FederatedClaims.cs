using System.Security.Claims;

namespace UserTypes.AspNetCore;

/// <summary>
/// Reads a <see cref="FederatedIdentity"/> from the principal the OpenID Connect handler made of a validated ID token,
/// whether or not its inbound claim mapping renamed the claims. The issuer is the one the token handler validated and
/// stamped on every claim it read from the token (the <c>iss</c> claim itself is dropped by the handler's defaults);
/// only claims carrying that issuer are read, so nothing added from elsewhere speaks for the token.
/// </summary>
internal static class FederatedClaims
{
    // The claims the trust policy reads, each with the name inbound mapping gives it (if any).
    private static readonly (string Name, string? Mapped)[] PolicyClaims =
    [
        ("email_verified", null),
        ("hd", null),
        ("xms_edov", null),
        ("tid", "http://schemas.microsoft.com/identity/claims/tenantid"),
    ];

    /// <summary>The identity, or <see langword="null"/> when the principal holds no subject the token's issuer wrote.</summary>
    /// <param name="principal">The ticket's principal.</param>
    /// <param name="localIssuer">
    /// The scheme's own claims issuer (its <c>ClaimsIssuer</c>, the scheme name by default), under which the handler adds
    /// what it maps from the user-info endpoint, a <c>sub</c> included: never the token's issuer.
    /// </param>
    /// <returns>The identity.</returns>
    public static FederatedIdentity? Read(ClaimsPrincipal principal, string? localIssuer)
    {
        var subject = principal.Claims.FirstOrDefault(claim =>
            claim.Type is "sub" or ClaimTypes.NameIdentifier
            && !string.IsNullOrEmpty(claim.Issuer)
            && claim.Issuer != ClaimsIdentity.DefaultIssuer
            && claim.Issuer != localIssuer);
        if (subject is null)
        {
            return null;
        }

        var issuer = subject.Issuer;
        string? Find(string name, string? mapped) =>
            principal.Claims.FirstOrDefault(claim => (claim.Type == name || claim.Type == mapped) && claim.Issuer == issuer)?.Value;

        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, mapped) in PolicyClaims)
        {
            if (Find(name, mapped) is { } value)
            {
                claims[name] = value;
            }
        }

        return new FederatedIdentity(issuer, subject.Value, Find("email", ClaimTypes.Email), claims);
    }
}
