namespace UserTypes;

/// <summary>Which rule decides whether an issuer's word on an address is trusted, and for which domains.</summary>
public enum IssuerKind
{
    /// <summary>Any OpenID Connect provider: a verified address is authoritative only at the domains bound to it.</summary>
    OpenIdConnect,

    /// <summary>Google: a verified address is authoritative when the token's <c>hd</c> names its domain (a Workspace account).</summary>
    Google,

    /// <summary>
    /// Microsoft Entra ID, multi-tenant: an address is authoritative when the tenant verified its domain
    /// (<c>xms_edov</c>). The issuer may name the tenant as <c>{tenantid}</c>, filled from the token's <c>tid</c>.
    /// </summary>
    MicrosoftEntraMultiTenant,
}
