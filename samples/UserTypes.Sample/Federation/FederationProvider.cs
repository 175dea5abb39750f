namespace UserTypes.Sample.Federation;

/// <summary>
/// One OpenID Connect provider of <c>Federation:Providers</c>, named by its key there (the scheme, and the
/// <c>/signin-oidc-{name}</c> redirect URI to register with the provider).
/// </summary>
internal sealed class FederationProvider
{
    /// <summary>The provider's base URL, from which its discovery document is read.</summary>
    public string Authority { get; init; } = string.Empty;

    public string ClientId { get; init; } = string.Empty;

    /// <summary>Set it from an environment variable (<c>Federation__Providers__{name}__ClientSecret</c>), not in a file.</summary>
    public string ClientSecret { get; init; } = string.Empty;

    public IssuerKind Kind { get; init; } = IssuerKind.OpenIdConnect;

    /// <summary>
    /// The <c>iss</c> its tokens carry, as the demo workspace trusts it; the authority by default. An Entra multi-tenant
    /// provider names it with <c>{tenantid}</c>: <c>https://login.microsoftonline.com/{tenantid}/v2.0</c>.
    /// </summary>
    public string? Issuer { get; init; }

    /// <summary>The domains an <see cref="IssuerKind.OpenIdConnect"/> provider speaks for.</summary>
    public string[] BoundDomains { get; init; } = [];

    /// <summary>Whether a new identity gets an account at its first sign-in.</summary>
    public bool AllowProvisioning { get; init; }

    public string IssuerToTrust => string.IsNullOrEmpty(Issuer) ? Authority : Issuer;
}
