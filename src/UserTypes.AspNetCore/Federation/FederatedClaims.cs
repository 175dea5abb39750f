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

    // What a token handler writes beside a claim it renamed on the way in (inbound claim mapping): the name the token
    // gave it. Both "sub" and "nameid" become NameIdentifier, both "email" and "emailaddress" one claim type: only the
    // token's own sub and email are read.
    private const string ShortTypeName = "http://schemas.xmlsoap.org/ws/2005/05/identity/claimproperties/ShortTypeName";

    /// <summary>
    /// The identity, or <see langword="null"/> when the principal holds no subject the token's issuer wrote, or more
    /// than one.
    /// </summary>
    /// <param name="principal">The ticket's principal.</param>
    /// <param name="localIssuer">
    /// The scheme's own claims issuer (its <c>ClaimsIssuer</c>, the scheme name by default), under which the handler adds
    /// what it maps from the user-info endpoint, a <c>sub</c> included: never the token's issuer.
    /// </param>
    /// <returns>The identity.</returns>
    public static FederatedIdentity? Read(ClaimsPrincipal principal, string? localIssuer)
    {
        bool FromToken(Claim claim) => !string.IsNullOrEmpty(claim.Issuer) && claim.Issuer != ClaimsIdentity.DefaultIssuer && claim.Issuer != localIssuer;
        var subjects = principal.Claims.Where(claim => FromToken(claim) && Is(claim, "sub", ClaimTypes.NameIdentifier)).ToList();
        if (subjects.Count != 1)
        {
            return null;
        }

        var subject = subjects[0];
        var issuer = subject.Issuer;
        string? Find(string name, string? mapped) =>
            principal.Claims.FirstOrDefault(claim => claim.Issuer == issuer && Is(claim, name, mapped))?.Value;

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

    // The token's claim of that name, under its own name or the one inbound mapping gave it.
    private static bool Is(Claim claim, string name, string? mapped) =>
        claim.Type == name
        || (mapped is not null && claim.Type == mapped && (!claim.Properties.TryGetValue(ShortTypeName, out var shortName) || shortName == name));
}
