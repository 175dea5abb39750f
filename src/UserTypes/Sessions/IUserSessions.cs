using System.Security.Claims;

namespace UserTypes;

/// <summary>
/// Signed-in sessions that tell the truth: each one is recorded in the store, and every request's principal is checked
/// against its account's <see cref="UserAccount.SecurityStamp"/> and its session record, so that whatever takes access
/// away (disabled, deleted, password or address changed, type changed, rights revoked, sessions revoked, logged out,
/// past <see cref="SessionOptions.AbsoluteLifetime"/>) ends the session on its very next request, and a grant reaches
/// it without a new login. Nothing changed costs no store round trip: the answers are cached per account and dropped
/// by the store's change signal, on every instance. <c>UserTypes.AspNetCore</c> wires this into the cookie scheme.
/// </summary>
public interface IUserSessions
{
    /// <summary>
    /// Starts a session for a user just authenticated with a password (a web login), checked again against its account
    /// as it is now. Of the account's sessions, only the newest <see cref="SessionOptions.MaxPerAccount"/> are kept.
    /// </summary>
    /// <param name="user">The user <see cref="IAuthenticator.AuthenticateAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session; sign in its <see cref="UserSession.ToClaimsPrincipal"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="user"/> is the implicit anonymous user, who has no session.</exception>
    /// <exception cref="AuthenticationFailedException">The account changed since it was authenticated, so that the user may not sign in now.</exception>
    Task<UserSession> StartAsync(AuthenticatedUser user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a session principal on a request. A principal that is not a UserTypes session principal (no session id,
    /// or claims not issued by UserTypes) is <see cref="SessionState.Ended"/>: the check fails closed.
    /// </summary>
    /// <param name="principal">The principal the request carries (restored from its cookie).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the session stands, goes on with a renewed principal, or is over.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="principal"/> is <see langword="null"/>.</exception>
    ValueTask<SessionValidation> ValidateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default);

    /// <summary>Ends the session a principal belongs to (a logout), on every instance. Any other principal is ignored.</summary>
    /// <param name="principal">The principal the request carries.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether a session was ended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="principal"/> is <see langword="null"/>.</exception>
    Task<bool> EndAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default);

    /// <summary>
    /// Carries one session over a change that this very session made and that ended all of the account's sessions
    /// (<see cref="IUserDirectory.ChangePasswordAsync"/>): the session is replaced by a new one, with a new id and the
    /// same absolute end, and every other session of the account stays ended. Only the account as the change left it
    /// is accepted: if anything changed the account again since, the session ends instead.
    /// </summary>
    /// <param name="principal">The principal of the session that made the change.</param>
    /// <param name="changed">The account the change returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new session; sign in its <see cref="UserSession.ToClaimsPrincipal"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="changed"/> is not the principal's account.</exception>
    /// <exception cref="AuthenticationFailedException">
    /// The session is over, or the account changed again, or it may no longer sign in.
    /// </exception>
    Task<UserSession> RenewAsync(ClaimsPrincipal principal, UserAccount changed, CancellationToken cancellationToken = default);
}
