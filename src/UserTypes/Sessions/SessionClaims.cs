using System.Security.Claims;

namespace UserTypes;

/// <summary>
/// The claims of a session principal that a check needs, read in one pass over the identity UserTypes authenticated
/// and only from claims UserTypes issued, without building the whole <see cref="AuthenticatedUser"/>: this runs on
/// every request.
/// </summary>
/// <param name="Identity">The identity UserTypes issued, whose claims <see cref="IssuedAs"/> compares.</param>
/// <param name="WorkspaceId">The session's workspace.</param>
/// <param name="UserId">The session's account.</param>
/// <param name="SecurityStamp">The account's stamp when the claims were issued.</param>
/// <param name="SessionId">The session.</param>
internal readonly record struct SessionClaims(ClaimsIdentity Identity, string WorkspaceId, string UserId, string SecurityStamp, string SessionId)
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

    /// <summary>
    /// Whether the identity carries exactly the claims <paramref name="expected"/> holds (a user's
    /// <see cref="AuthenticatedUser.ToClaimsPrincipal"/>), in order, apart from the session's own: anything else
    /// (a grant, a rights policy changed since the cookie was issued) means the claims must be issued again.
    /// </summary>
    public bool IssuedAs(IReadOnlyList<Claim> expected)
    {
        var index = 0;
        foreach (var claim in Identity.Claims)
        {
            if (claim.Issuer != AuthenticatedUser.ClaimsIssuer || claim.Type == UserTypesClaimTypes.SessionId)
            {
                continue;
            }

            if (index == expected.Count || claim.Type != expected[index].Type || claim.Value != expected[index].Value)
            {
                return false;
            }

            index++;
        }

        return index == expected.Count;
    }

    // Whether the identity holds any claim UserTypes issued, and the session they make, if they make one.
    private static bool HoldsIssuedClaims(ClaimsIdentity identity, out SessionClaims? session)
    {
        string? workspaceId = null, userId = null, stamp = null, sessionId = null;
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
            }
        }

        session = workspaceId is { Length: > 0 } && userId is { Length: > 0 } && stamp is { Length: > 0 } && sessionId is { Length: > 0 }
            ? new SessionClaims(identity, workspaceId, userId, stamp, sessionId)
            : null;
        return any;
    }
}
