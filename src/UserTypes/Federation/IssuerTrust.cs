namespace UserTypes;

/// <summary>
/// The trust policy: which of a workspace's issuers an identity comes from, and how far that issuer's word on the
/// identity's address goes. Decided on the validated token's claims only; an <c>email</c> claim alone proves nothing.
/// </summary>
internal static class IssuerTrust
{
    /// <summary>The claim that says the provider verified the mailbox.</summary>
    public const string EmailVerifiedClaim = "email_verified";

    /// <summary>Google's hosted domain: present only for a Google Workspace account, naming its domain.</summary>
    public const string HostedDomainClaim = "hd";

    /// <summary>Entra's "email domain owner verified": the tenant proved it owns the address's domain.</summary>
    public const string EmailDomainOwnerVerifiedClaim = "xms_edov";

    /// <summary>Entra's tenant id.</summary>
    public const string TenantIdClaim = "tid";

    /// <summary>The workspace's entry for the identity's issuer.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="identity">A validated identity.</param>
    /// <returns>The entry, or <see langword="null"/> when the workspace does not trust the issuer.</returns>
    public static TrustedIssuer? Match(WorkspaceRecord workspace, FederatedIdentity identity)
    {
        foreach (var trusted in workspace.TrustedIssuers)
        {
            if (trusted.Issuer == identity.Issuer || IsTenantOf(trusted, identity))
            {
                return trusted;
            }
        }

        return null;
    }

    /// <summary>How far the issuer's word on the identity's address goes.</summary>
    /// <param name="issuer">The workspace's entry for the identity's issuer.</param>
    /// <param name="identity">The identity.</param>
    /// <returns>
    /// The trust, and the canonical address only under <see cref="AddressTrust.DomainAuthority"/>: an address is kept,
    /// looked up or followed only on the word of an issuer that speaks for its domain. Any other issuer's admin may mark
    /// any address verified, and an address it could put on an account would squat it, or lead its owner to a link page.
    /// </returns>
    public static (AddressTrust Trust, EmailAddress? Address) Evaluate(TrustedIssuer issuer, FederatedIdentity identity)
    {
        if (identity.Email is null || !EmailAddress.TryParse(identity.Email, out var address))
        {
            return (AddressTrust.None, null);
        }

        var trust = issuer.Kind switch
        {
            IssuerKind.OpenIdConnect when IsTrue(identity, EmailVerifiedClaim) =>
                issuer.BoundDomains.Any(bound => Covers(bound, address.Domain)) ? AddressTrust.DomainAuthority : AddressTrust.VerifiedMailbox,

            // A consumer Google account may carry any verified address, a colleague's domain included; only a Workspace
            // account's hd says Google speaks for the domain, and only for the domain it names.
            IssuerKind.Google when IsTrue(identity, EmailVerifiedClaim) =>
                identity.Claims.TryGetValue(HostedDomainClaim, out var hd) && DomainName.TryCanonicalize(hd, out var hostedDomain) is null && hostedDomain == address.Domain
                    ? AddressTrust.DomainAuthority
                    : AddressTrust.VerifiedMailbox,

            // Any tenant's administrator may write any address into a user's email claim (nOAuth): only xms_edov counts.
            IssuerKind.MicrosoftEntraMultiTenant when IsTrue(identity, EmailDomainOwnerVerifiedClaim) => AddressTrust.DomainAuthority,
            _ => AddressTrust.None,
        };
        return (trust, trust == AddressTrust.DomainAuthority ? address : null);
    }

    private static bool IsTrue(FederatedIdentity identity, string claim) =>
        identity.Claims.TryGetValue(claim, out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static bool Covers(SignupDomain bound, string domain) =>
        domain == bound.Domain
        || (bound.IncludeSubdomains && domain.Length > bound.Domain.Length + 1 && domain.EndsWith(bound.Domain, StringComparison.Ordinal) && domain[^(bound.Domain.Length + 1)] == '.');

    // A multi-tenant Entra issuer names each tenant in its URL: the trusted template matches the tenant the token says.
    private static bool IsTenantOf(TrustedIssuer trusted, FederatedIdentity identity) =>
        trusted.Kind == IssuerKind.MicrosoftEntraMultiTenant
        && trusted.Issuer.Contains(IssuerName.TenantPlaceholder, StringComparison.Ordinal)
        && identity.Claims.TryGetValue(TenantIdClaim, out var tenant)
        && Guid.TryParseExact(tenant, "D", out _)
        && trusted.Issuer.Replace(IssuerName.TenantPlaceholder, tenant, StringComparison.Ordinal) == identity.Issuer;
}
