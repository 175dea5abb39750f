using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UserTypes.Sample.Federation;

/// <summary>
/// The issuer check for an Entra multi-tenant provider. Its discovery document names the issuer with
/// <c>{tenantid}</c>, which the OpenID Connect handler compares as written and so refuses every real token: a token
/// passes when its <c>iss</c> is the template with the token's own <c>tid</c> in it. The workspace checks it again.
/// </summary>
internal static class EntraTenantIssuer
{
    public const string Placeholder = "{tenantid}";

    public static IssuerValidator For(string template) => (issuer, token, parameters) =>
        token is JsonWebToken jwt
        && jwt.TryGetPayloadValue<string>("tid", out var tenant)
        && Guid.TryParseExact(tenant, "D", out _)
        && string.Equals(template.Replace(Placeholder, tenant, StringComparison.Ordinal), issuer, StringComparison.Ordinal)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException("The token's issuer is not the one its tenant's tokens carry.");
}
