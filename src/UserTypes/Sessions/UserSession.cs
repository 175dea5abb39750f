using System.Security.Claims;

namespace UserTypes;

/// <summary>A signed-in session: its id, the user as of its account's latest version, and its absolute end.</summary>
public sealed class UserSession
{
    internal UserSession(string id, AuthenticatedUser user, DateTimeOffset expiresAt)
    {
        Id = id;
        User = user;
        ExpiresAt = expiresAt;
    }

    /// <summary>The session's id.</summary>
    public string Id { get; }

    /// <summary>The signed-in user.</summary>
    public AuthenticatedUser User { get; }

    /// <summary>The absolute end of the session, however active it is (<see cref="SessionOptions.AbsoluteLifetime"/> after it started).</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>
    /// The principal a host signs in (into a cookie): the user's claims (<see cref="AuthenticatedUser.ToClaimsPrincipal"/>)
    /// and the session's id (<see cref="UserTypesClaimTypes.SessionId"/>) with a digest of those claims, which
    /// <see cref="IUserSessions.ValidateAsync"/> checks on every request.
    /// </summary>
    /// <returns>A new principal.</returns>
    public ClaimsPrincipal ToClaimsPrincipal()
    {
        var principal = User.ToClaimsPrincipal();
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(ClaimsFingerprint.ClaimType, ClaimsFingerprint.Of(identity.Claims), ClaimValueTypes.String, AuthenticatedUser.ClaimsIssuer));
        identity.AddClaim(new Claim(UserTypesClaimTypes.SessionId, Id, ClaimValueTypes.String, AuthenticatedUser.ClaimsIssuer));
        return principal;
    }
}
