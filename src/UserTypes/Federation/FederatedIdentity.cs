namespace UserTypes;

/// <summary>
/// An identity an OpenID Connect provider vouched for, read from an ID token the host has already validated
/// (signature, audience, expiry, nonce): who issued it, who it names, and the claims the trust policy reads.
/// </summary>
/// <param name="Issuer">The token's <c>iss</c> claim, exactly as the provider wrote it.</param>
/// <param name="Subject">The token's <c>sub</c> claim: the provider's stable id for the person.</param>
/// <param name="Email">The token's <c>email</c> claim, if any. Never trusted by itself: see <see cref="AddressTrust"/>.</param>
/// <param name="Claims">
/// The token's claims the policy reads, such as <c>email_verified</c>, <c>hd</c>, <c>xms_edov</c> and <c>tid</c>;
/// booleans as <c>"true"</c> or <c>"false"</c>.
/// </param>
public sealed record FederatedIdentity(string Issuer, string Subject, string? Email, IReadOnlyDictionary<string, string> Claims);
