using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>
/// A failed authentication. The caller only ever sees the one generic message; <see cref="Reason"/> is for logs and
/// metrics.
/// </summary>
public sealed class UserTypesAuthenticationFailedContext : ResultContext<UserTypesAuthenticationOptions>
{
    /// <summary>Creates the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="reason">Why it failed.</param>
    public UserTypesAuthenticationFailedContext(HttpContext context, AuthenticationScheme scheme, UserTypesAuthenticationOptions options, AuthenticationFailureReason reason)
        : base(context, scheme, options)
    {
        Reason = reason;
    }

    /// <summary>Why authentication failed (an unreadable <c>Basic</c> header is <see cref="AuthenticationFailureReason.InvalidCredentials"/>).</summary>
    public AuthenticationFailureReason Reason { get; }
}
