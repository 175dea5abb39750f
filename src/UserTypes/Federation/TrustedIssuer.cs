namespace UserTypes;

/// <summary>An OpenID Connect issuer a workspace accepts identities from.</summary>
/// <param name="Issuer">
/// The issuer exactly as its tokens' <c>iss</c> claim writes it; for <see cref="IssuerKind.MicrosoftEntraMultiTenant"/>
/// it may hold <c>{tenantid}</c>.
/// </param>
/// <param name="Kind">The rule that decides when its word on an address is trusted.</param>
/// <param name="AllowProvisioning">Whether an identity it vouches for that no account has yet gets one at its first sign-in.</param>
public sealed record TrustedIssuer(string Issuer, IssuerKind Kind, bool AllowProvisioning)
{
    /// <summary>
    /// The domains an <see cref="IssuerKind.OpenIdConnect"/> issuer speaks for, each with whether its subdomains count too.
    /// </summary>
    public IReadOnlyList<SignupDomain> BoundDomains { get; init; } = [];

    /// <summary>Whether both hold the same values, bound domains in the same order.</summary>
    /// <param name="other">The other issuer.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(TrustedIssuer? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Issuer == other.Issuer
            && Kind == other.Kind
            && AllowProvisioning == other.AllowProvisioning
            && BoundDomains.SequenceEqual(other.BoundDomains));

    /// <summary>A hash consistent with <see cref="Equals(TrustedIssuer?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Issuer, Kind, AllowProvisioning, BoundDomains.Count);
}
