using System.Globalization;
using System.Security.Claims;

namespace UserTypes;

/// <summary>A caller whose identity has been established, with the rights computed once at login.</summary>
public sealed class AuthenticatedUser
{
    /// <summary>The authentication type of an authenticated principal.</summary>
    internal const string AuthenticationType = "UserTypes";

    /// <summary>
    /// The issuer of every claim UserTypes makes. A cookie keeps it; another authentication scheme (a JWT bearer
    /// handler, an external login) stamps its own, so claims it carries under UserTypes' names are not read.
    /// </summary>
    internal const string ClaimsIssuer = "UserTypes";

    internal AuthenticatedUser(UserAccount account, EffectiveRights rights, bool isImplicitAnonymous)
        : this(account.Id, account.UserName, account.WorkspaceId, account.UserType, account.SecurityStamp, isImplicitAnonymous, rights)
    {
    }

    private AuthenticatedUser(string userId, string userName, string workspaceId, UserType userType, string securityStamp, bool isImplicitAnonymous, EffectiveRights rights)
    {
        UserId = userId;
        UserName = userName;
        WorkspaceId = workspaceId;
        UserType = userType;
        SecurityStamp = securityStamp;
        IsImplicitAnonymous = isImplicitAnonymous;
        Rights = rights;
    }

    /// <summary>The account id.</summary>
    public string UserId { get; }

    /// <summary>
    /// Whether the user was made by a login that proved its credentials just now, and not read back from a principal:
    /// only such a user may start a session (<see cref="IUserSessions.StartAsync"/>).
    /// </summary>
    internal bool ProvenByCredentials { get; init; }

    /// <summary>
    /// The id of the API key the call authenticated with, or <see langword="null"/> when it did not use one. A key acts
    /// with its account's rights, but may not create keys (<see cref="IApiKeys.CreateAsync"/>): a leaked key cannot
    /// outlive its revocation through keys it made.
    /// </summary>
    public string? ApiKeyId { get; internal init; }

    /// <summary>The account's user name.</summary>
    public string UserName { get; }

    /// <summary>The workspace the account belongs to.</summary>
    public string WorkspaceId { get; }

    /// <summary>Internal, external or anonymous.</summary>
    public UserType UserType { get; }

    /// <summary>
    /// The account's <see cref="UserAccount.SecurityStamp"/> when this user was authenticated: a session whose stamp
    /// no longer matches the account's must end.
    /// </summary>
    public string SecurityStamp { get; }

    /// <summary>Whether this is the anonymous account standing in for a call made without credentials.</summary>
    public bool IsImplicitAnonymous { get; }

    /// <summary>What the user may do.</summary>
    public EffectiveRights Rights { get; }

    /// <summary>
    /// Reads back a user from a principal made by <see cref="ToClaimsPrincipal"/>, such as the one a sign-in cookie
    /// restores, so a host can pass it as the actor of <see cref="IUserDirectory.CreateExternalUserAsync"/> or
    /// <see cref="IUserDirectory.GrantAsync"/>. Those calls check the actor against the store, never the claims.
    /// </summary>
    /// <param name="principal">The principal.</param>
    /// <returns>
    /// The user, or <see langword="null"/> when the principal carries no complete UserTypes identity, or claims an
    /// unauthenticated identity that is not the implicit anonymous user. Only an identity UserTypes issued is read:
    /// authenticated by UserTypes (or the implicit anonymous one), and only its claims issued by UserTypes, so claims
    /// another scheme put into the principal under UserTypes' claim types are ignored.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="principal"/> is <see langword="null"/>.</exception>
    public static AuthenticatedUser? FromPrincipal(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var identity = IssuedIdentity(principal);
        if (identity?.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { Length: > 0 } userId
            || identity.FindFirst(ClaimTypes.Name)?.Value is not { Length: > 0 } userName
            || identity.FindFirst(UserTypesClaimTypes.WorkspaceId)?.Value is not { Length: > 0 } workspaceId
            || identity.FindFirst(UserTypesClaimTypes.SecurityStamp)?.Value is not { Length: > 0 } securityStamp
            || UserTypesClaimTypes.TryParse(identity.FindFirst(UserTypesClaimTypes.UserType)?.Value) is not { } userType)
        {
            return null;
        }

        var isImplicitAnonymous = !identity.IsAuthenticated;
        if (isImplicitAnonymous && userType != UserType.Anonymous)
        {
            return null;
        }

        return new AuthenticatedUser(userId, userName, workspaceId, userType, securityStamp, isImplicitAnonymous, EffectiveRights.FromIdentity(identity))
        {
            ApiKeyId = identity.FindFirst(UserTypesClaimTypes.ApiKeyId)?.Value,
        };
    }

    /// <summary>
    /// The identity UserTypes issued in <paramref name="principal"/>, with only the claims UserTypes issued: the first
    /// identity authenticated by UserTypes (or unauthenticated, as the implicit anonymous one is) that carries a
    /// workspace claim issued by UserTypes; <see langword="null"/> if there is none.
    /// </summary>
    internal static ClaimsIdentity? IssuedIdentity(ClaimsPrincipal principal)
    {
        var issued = principal.Identities.FirstOrDefault(candidate =>
            (candidate.AuthenticationType == AuthenticationType || !candidate.IsAuthenticated)
            && candidate.HasClaim(claim => claim.Type == UserTypesClaimTypes.WorkspaceId && claim.Issuer == ClaimsIssuer));
        return issued is null ? null : new ClaimsIdentity(issued.Claims.Where(claim => claim.Issuer == ClaimsIssuer), issued.AuthenticationType);
    }

    /// <summary>
    /// The user as a claims principal, carrying the user type and every effective right (see
    /// <see cref="UserTypesClaimTypes"/>) so that authorization needs no store round trip. An implicit anonymous
    /// principal is not <see cref="System.Security.Principal.IIdentity.IsAuthenticated"/>.
    /// </summary>
    /// <returns>A new principal.</returns>
    public ClaimsPrincipal ToClaimsPrincipal()
    {
        static Claim Issued(string type, string value) => new(type, value, ClaimValueTypes.String, ClaimsIssuer);
        List<Claim> claims =
        [
            Issued(ClaimTypes.NameIdentifier, UserId),
            Issued(ClaimTypes.Name, UserName),
            Issued(UserTypesClaimTypes.WorkspaceId, WorkspaceId),
            Issued(UserTypesClaimTypes.UserType, UserTypesClaimTypes.ValueOf(UserType)),
            Issued(UserTypesClaimTypes.SecurityStamp, SecurityStamp),
            .. ApiKeyId is null ? [] : new[] { Issued(UserTypesClaimTypes.ApiKeyId, ApiKeyId) },
            .. Rights.Grant.FunctionalRights.Order(StringComparer.Ordinal).Select(right => Issued(UserTypesClaimTypes.FunctionalRight, right)),
            .. Rights.Grant.DataRights.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => Issued(
                UserTypesClaimTypes.DataRights, string.Create(CultureInfo.InvariantCulture, $"{entry.Key}={(int)Rights.For(entry.Key)}"))),
        ];
        var identity = new ClaimsIdentity(claims, IsImplicitAnonymous ? null : AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }
}
