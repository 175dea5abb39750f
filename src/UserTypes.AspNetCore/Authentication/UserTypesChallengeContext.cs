using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>The 401 challenge about to be written: a <c>WWW-Authenticate: Basic</c> header and a problem details body.</summary>
public sealed class UserTypesChallengeContext : PropertiesContext<UserTypesAuthenticationOptions>
{
    /// <summary>Creates the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="properties">The challenge's properties.</param>
    public UserTypesChallengeContext(HttpContext context, AuthenticationScheme scheme, UserTypesAuthenticationOptions options, AuthenticationProperties? properties)
        : base(context, scheme, options, properties)
    {
    }

    /// <summary>Whether a handler wrote the response itself, so the default challenge is skipped.</summary>
    public bool Handled { get; private set; }

    /// <summary>Skips the default challenge: the handler has written the response.</summary>
    public void HandleResponse() => Handled = true;
}
