using Microsoft.AspNetCore.Http;
using UserTypes;

namespace Microsoft.AspNetCore.Authentication.Cookies;

/// <summary>Makes a cookie scheme check every request's session with <see cref="IUserSessions"/>.</summary>
public static class UserTypesCookieAuthenticationOptionsExtensions
{
    // Marks a request whose session check found the session over and is clearing its cookie.
    private static readonly object EndedKey = new();

    /// <summary>
    /// Checks the session of every request the cookie authenticates, and ends the session when the cookie is signed out:
    /// <list type="bullet">
    /// <item>nothing changed: the request goes on, with no store round trip;</item>
    /// <item>the account gained a right: the cookie is re-issued with the new claims on this request;</item>
    /// <item>anything took access away (disabled, deleted, password, address or type changed, rights or sessions
    /// revoked, logged out, past <see cref="SessionOptions.AbsoluteLifetime"/>): the principal is rejected and the cookie
    /// cleared on this request, so it is unauthenticated (a 401 where authorization is required);</item>
    /// <item>a cookie without a UserTypes session (signed in some other way than
    /// <see cref="UserTypesHttpContextExtensions.SignInWebUserAsync"/>) is rejected too.</item>
    /// </list>
    /// Call it after assigning <see cref="CookieAuthenticationOptions.Events"/>, if you do: it wraps the handlers there.
    /// </summary>
    /// <param name="options">The cookie options.</param>
    /// <returns>The same options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static CookieAuthenticationOptions UseUserTypesValidation(this CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var events = options.Events;
        var validatePrincipal = events.OnValidatePrincipal;
        var signingOut = events.OnSigningOut;
        events.OnValidatePrincipal = async context =>
        {
            await validatePrincipal(context).ConfigureAwait(false);
            if (context.Principal is not { } principal)
            {
                return;
            }

            var validation = await UserTypesHttpContextExtensions.Service<IUserSessions>(context.HttpContext).ValidateAsync(principal, context.HttpContext.RequestAborted).ConfigureAwait(false);
            switch (validation.State)
            {
                case SessionState.Renewed:
                    context.ReplacePrincipal(validation.Principal!);
                    context.ShouldRenew = true;
                    break;
                case SessionState.Ended:
                    context.RejectPrincipal();
                    context.HttpContext.Items[EndedKey] = EndedKey;
                    await context.HttpContext.SignOutAsync(context.Scheme.Name).ConfigureAwait(false);
                    break;
            }
        };
        events.OnSigningOut = async context =>
        {
            // The session of the cookie being signed out, as this request authenticated it (once per request); not
            // while the check itself clears the cookie of a session that is over, inside that very authentication.
            if (!context.HttpContext.Items.ContainsKey(EndedKey)
                && (await context.HttpContext.AuthenticateAsync(context.Scheme.Name).ConfigureAwait(false)).Principal is { } principal)
            {
                await UserTypesHttpContextExtensions.Service<IUserSessions>(context.HttpContext).EndAsync(principal, CancellationToken.None).ConfigureAwait(false);
            }

            await signingOut(context).ConfigureAwait(false);
        };
        return options;
    }
}
