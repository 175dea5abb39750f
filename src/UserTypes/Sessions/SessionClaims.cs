using System.Globalization;
using System.Security.Claims;

namespace UserTypes;

/// <summary>
/// The claims of a session principal that a check needs, read in one pass over the identity UserTypes authenticated
/// and only from claims UserTypes issued, without building the whole <see cref="AuthenticatedUser"/>: this runs on
/// every request.
/// </summary>
internal readonly record struct SessionClaims(string WorkspaceId, string UserId, string SecurityStamp, string SessionId, long AccountVersion)
{
    public static bool TryRead(ClaimsPrincipal principal, out SessionClaims claims)
    {
        foreach (var identity in principal.Identities)
        {
            if (identity.IsAuthenticated && identity.AuthenticationType == AuthenticatedUser.AuthenticationType && TryRead(identity, out claims))
            {
                return true;
            }
        }

        claims = default;
        return false;
    }

    private static bool TryRead(ClaimsIdentity identity, out SessionClaims claims)
    {
        string? workspaceId = null, userId = null, stamp = null, sessionId = null, version = null;
        foreach (var claim in identity.Claims)
        {
            if (claim.Issuer != AuthenticatedUser.ClaimsIssuer)
            {
                continue;
            }

            // The first of each, as FindFirst reads them.
            switch (claim.Type)
            {
                case ClaimTypes.NameIdentifier: userId ??= claim.Value; break;
                case UserTypesClaimTypes.WorkspaceId: workspaceId ??= claim.Value; break;
                case UserTypesClaimTypes.SecurityStamp: stamp ??= claim.Value; break;
                case UserTypesClaimTypes.SessionId: sessionId ??= claim.Value; break;
                case UserTypesClaimTypes.AccountVersion: version ??= claim.Value; break;
            }
        }

        if (workspaceId is { Length: > 0 } && userId is { Length: > 0 } && stamp is { Length: > 0 } && sessionId is { Length: > 0 }
            && long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var accountVersion))
        {
            claims = new SessionClaims(workspaceId, userId, stamp, sessionId, accountVersion);
            return true;
        }

        claims = default;
        return false;
    }
}
