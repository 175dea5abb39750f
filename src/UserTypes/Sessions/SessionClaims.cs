using System.Security.Claims;

namespace UserTypes;

/// <summary>
/// The claims of a session principal that a check needs, read in one pass over the identity UserTypes authenticated
/// and only from claims UserTypes issued, without building the whole <see cref="AuthenticatedUser"/>: this runs on
/// every request.
/// </summary>
/// <param name="WorkspaceId">The session's workspace.</param>
/// <param name="UserId">The session's account.</param>
/// <param name="SecurityStamp">The account's stamp when the claims were issued.</param>
/// <param name="SessionId">The session.</param>
/// <param name="Fingerprint">The digest of the claims issued with it (<see cref="ClaimsFingerprint"/>), or <see langword="null"/> on a cookie from before digests.</param>
internal readonly record struct SessionClaims(string WorkspaceId, string UserId, string SecurityStamp, string SessionId, string? Fingerprint)
{
    /// <summary>
    /// Reads the session of a principal that holds exactly one identity with claims UserTypes issued, authenticated by
    /// UserTypes: with two, the session checked here and the user that authorization reads could be different ones.
    /// </summary>
    public static bool TryRead(ClaimsPrincipal principal, out SessionClaims claims)
    {
        claims = default;
        var found = false;
        foreach (var identity in principal.Identities)
        {
            if (!HoldsIssuedClaims(identity, out var session))
            {
                continue;
            }

            if (found || session is null || !identity.IsAuthenticated || identity.AuthenticationType != AuthenticatedUser.AuthenticationType)
            {
                claims = default;
                return false;
            }

            claims = session.Value;
            found = true;
        }

        return found;
    }

    // Whether the identity holds any claim UserTypes issued, and the session they make, if they make one.
    private static bool HoldsIssuedClaims(ClaimsIdentity identity, out SessionClaims? session)
    {
        string? workspaceId = null, userId = null, stamp = null, sessionId = null, fingerprint = null;
        var any = false;
        foreach (var claim in identity.Claims)
        {
            if (claim.Issuer != AuthenticatedUser.ClaimsIssuer)
            {
                continue;
            }

            any = true;

            // The first of each, as FindFirst reads them.
            switch (claim.Type)
            {
                case ClaimTypes.NameIdentifier: userId ??= claim.Value; break;
                case UserTypesClaimTypes.WorkspaceId: workspaceId ??= claim.Value; break;
                case UserTypesClaimTypes.SecurityStamp: stamp ??= claim.Value; break;
                case UserTypesClaimTypes.SessionId: sessionId ??= claim.Value; break;
                case ClaimsFingerprint.ClaimType: fingerprint ??= claim.Value; break;
            }
        }

        session = workspaceId is { Length: > 0 } && userId is { Length: > 0 } && stamp is { Length: > 0 } && sessionId is { Length: > 0 }
            ? new SessionClaims(workspaceId, userId, stamp, sessionId, fingerprint)
            : null;
        return any;
    }
}
