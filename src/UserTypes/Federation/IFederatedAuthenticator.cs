namespace UserTypes;

/// <summary>
/// Signs in identities from OpenID Connect providers (Google, Microsoft Entra ID, Okta, ...) to workspace accounts.
/// An identity is keyed by its issuer and subject, never by its address; its address classifies the account only
/// where the issuer is trusted to vouch for it (<see cref="AddressTrust"/>).
/// </summary>
/// <remarks>
/// Pass only identities read from an ID token the host validated (signature, issuer, audience, expiry, nonce):
/// UserTypes trusts them as given. UserTypes.AspNetCore reads them from the OpenID Connect handler's validated ticket.
/// </remarks>
public interface IFederatedAuthenticator
{
    /// <summary>
    /// Signs an identity in to the account it is linked to; or, for a new identity, creates its account where the issuer
    /// allows it, or answers <see cref="FederatedSignInStatus.LinkRequired"/> when an account already holds its address
    /// (then nothing is written). A trusted address that changed is written to an account the identity alone opens (no
    /// password, no other identity), and a classified one is typed by it anew through the seat gate; an identity never
    /// moves to another account.
    /// </summary>
    /// <param name="workspaceId">The workspace, as the host carried it through the sign-in (never from the callback's request).</param>
    /// <param name="identity">The validated identity.</param>
    /// <param name="client">The kind of client signing in.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome, with the signed-in user unless a link is required.</returns>
    /// <exception cref="ArgumentException">An argument is malformed.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="AuthenticationFailedException">
    /// The sign-in is refused, with the one generic message; the reason says why (such as
    /// <see cref="AuthenticationFailureReason.UntrustedIssuer"/> or <see cref="AuthenticationFailureReason.ProvisioningDisabled"/>).
    /// </exception>
    /// <exception cref="SeatLimitExceededException">The account to create, or to re-type, has no free seat. Nothing was written.</exception>
    /// <exception cref="UserNameTakenException">
    /// The account to create would have a user name other accounts hold (its address, then one made from the identity).
    /// </exception>
    Task<FederatedSignInResult> SignInAsync(string workspaceId, FederatedIdentity identity, ClientKind client, CancellationToken cancellationToken = default);

    /// <summary>
    /// Links an identity to the actor's own account: the person has just proved both, the account with its password (or
    /// another linked identity) and the identity with its provider. The account keeps its address and type.
    /// </summary>
    /// <param name="actor">
    /// The account, as returned by <see cref="IAuthenticator.AuthenticateAsync"/> or <see cref="SignInAsync"/> in this
    /// very flow: a user read back from a cookie or an API key cannot link.
    /// </param>
    /// <param name="identity">The validated identity; its issuer must be one the actor's workspace trusts.</param>
    /// <param name="client">The kind of client signing in.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The actor, signed in.</returns>
    /// <exception cref="ArgumentException">An argument is malformed, or the identity is linked to another account.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="AccessDeniedException">
    /// The actor did not just prove their credentials (a user read back from a cookie, an API key's call, the anonymous
    /// user), or their account was disabled or changed since.
    /// </exception>
    /// <exception cref="AuthenticationFailedException">The actor's workspace does not trust the identity's issuer.</exception>
    Task<AuthenticatedUser> LinkAsync(AuthenticatedUser actor, FederatedIdentity identity, ClientKind client, CancellationToken cancellationToken = default);

    /// <summary>
    /// Unlinks an identity from the actor's own account. Unlinking one that is not linked to it changes nothing.
    /// </summary>
    /// <param name="actor">The signed-in account; not an API key's call, not anonymous.</param>
    /// <param name="issuer">The identity's issuer.</param>
    /// <param name="subject">The identity's subject.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the link is gone.</returns>
    /// <exception cref="ArgumentException">An argument is malformed.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="AccessDeniedException">The actor is an API key's call or anonymous, or their session ended.</exception>
    /// <exception cref="InvalidOperationException">The identity is the only way the account, which has no password, can sign in.</exception>
    Task UnlinkAsync(AuthenticatedUser actor, string issuer, string subject, CancellationToken cancellationToken = default);
}
