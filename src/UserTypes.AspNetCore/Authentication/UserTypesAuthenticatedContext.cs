using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>
/// A caller the authenticator accepted. <see cref="ResultContext{TOptions}.Principal"/> is the principal about to be
/// signed in (<see cref="AuthenticatedUser.ToClaimsPrincipal"/>); a handler may add to it, replace it or refuse it.
/// </summary>
public sealed class UserTypesAuthenticatedContext : ResultContext<UserTypesAuthenticationOptions>
{
    /// <summary>Creates the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="user">The authenticated user.</param>
    public UserTypesAuthenticatedContext(HttpContext context, AuthenticationScheme scheme, UserTypesAuthenticationOptions options, AuthenticatedUser user)
        : base(context, scheme, options)
    {
        ArgumentNullException.ThrowIfNull(user);
        User = user;
        Principal = user.ToClaimsPrincipal();
    }

    /// <summary>The authenticated user.</summary>
    public AuthenticatedUser User { get; }
}
