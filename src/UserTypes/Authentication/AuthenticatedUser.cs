using System.Globalization;
using System.Security.Claims;

namespace UserTypes;

/// <summary>A caller whose identity has been established, with the rights computed once at login.</summary>
public sealed class AuthenticatedUser
{
    /// <summary>The authentication type of an authenticated principal.</summary>
    internal const string AuthenticationType = "UserTypes";

    internal AuthenticatedUser(UserAccount account, EffectiveRights rights, bool isImplicitAnonymous)
    {
        UserId = account.Id;
        UserName = account.UserName;
        WorkspaceId = account.WorkspaceId;
        UserType = account.UserType;
        IsImplicitAnonymous = isImplicitAnonymous;
        Rights = rights;
    }

    /// <summary>The account id.</summary>
    public string UserId { get; }

    /// <summary>The account's user name.</summary>
    public string UserName { get; }

    /// <summary>The workspace the account belongs to.</summary>
    public string WorkspaceId { get; }

    /// <summary>Internal, external or anonymous.</summary>
    public UserType UserType { get; }

    /// <summary>Whether this is the anonymous account standing in for a call made without credentials.</summary>
    public bool IsImplicitAnonymous { get; }

    /// <summary>What the user may do.</summary>
    public EffectiveRights Rights { get; }

    /// <summary>
    /// The user as a claims principal, carrying the user type and every effective right (see
    /// <see cref="UserTypesClaimTypes"/>) so that authorization needs no store round trip. An implicit anonymous
    /// principal is not <see cref="System.Security.Principal.IIdentity.IsAuthenticated"/>.
    /// </summary>
    /// <returns>A new principal.</returns>
    public ClaimsPrincipal ToClaimsPrincipal()
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, UserId),
            new(ClaimTypes.Name, UserName),
            new(UserTypesClaimTypes.WorkspaceId, WorkspaceId),
            new(UserTypesClaimTypes.UserType, UserTypesClaimTypes.ValueOf(UserType)),
            .. Rights.Grant.FunctionalRights.Order(StringComparer.Ordinal).Select(right => new Claim(UserTypesClaimTypes.FunctionalRight, right)),
            .. Rights.Grant.DataRights.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => new Claim(
                UserTypesClaimTypes.DataRights, string.Create(CultureInfo.InvariantCulture, $"{entry.Key}={(int)Rights.For(entry.Key)}"))),
        ];
        var identity = new ClaimsIdentity(claims, IsImplicitAnonymous ? null : AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }
}
