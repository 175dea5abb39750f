using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using UserTypes;

namespace Microsoft.AspNetCore.Http;

/// <summary>Signs web users in with the cookie scheme, each sign-in a session of <see cref="IUserSessions"/>.</summary>
public static class UserTypesHttpContextExtensions
{
    /// <summary>
    /// Authenticates a web user (<see cref="ClientKind.WebApplication"/>), starts a session and signs it in with the
    /// cookie scheme, so later requests carry the user type and rights in the cookie, and a cookie scheme that
    /// <see cref="UserTypesCookieAuthenticationOptionsExtensions.UseUserTypesValidation"/> checks the session on each.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="credentials">The user name and password.</param>
    /// <param name="scheme">The cookie scheme; default <see cref="CookieAuthenticationDefaults.AuthenticationScheme"/>.</param>
    /// <returns>The signed-in user.</returns>
    /// <exception cref="AuthenticationFailedException">Authentication failed.</exception>
    public static async Task<AuthenticatedUser> SignInWebUserAsync(
        this HttpContext context, string workspaceId, PasswordCredentials credentials, string scheme = CookieAuthenticationDefaults.AuthenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(credentials);
        var user = await Service<IAuthenticator>(context).AuthenticateAsync(workspaceId, credentials, ClientKind.WebApplication, context.RequestAborted).ConfigureAwait(false);
        var session = await Service<IUserSessions>(context).StartAsync(user, context.RequestAborted).ConfigureAwait(false);
        await context.SignInAsync(scheme, session.ToClaimsPrincipal()).ConfigureAwait(false);
        return session.User;
    }

    /// <summary>
    /// Keeps this request's session signed in across a change it made that ends all of the account's sessions, such
    /// as <see cref="IUserDirectory.ChangePasswordAsync"/>: the cookie is re-issued for a new session
    /// (<see cref="IUserSessions.RenewAsync"/>), and every other session of the account stays ended.
    /// </summary>
    /// <param name="context">The request that made the change.</param>
    /// <param name="changed">The account the change returned.</param>
    /// <param name="scheme">The cookie scheme; default <see cref="CookieAuthenticationDefaults.AuthenticationScheme"/>.</param>
    /// <returns>The signed-in user, as the change left the account.</returns>
    /// <exception cref="ArgumentException"><paramref name="changed"/> is not the account signed in.</exception>
    /// <exception cref="AuthenticationFailedException">The request has no live session, or the account changed again since.</exception>
    public static async Task<AuthenticatedUser> RenewWebUserSignInAsync(
        this HttpContext context, UserAccount changed, string scheme = CookieAuthenticationDefaults.AuthenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(changed);

        // The principal this request was authenticated with, before the change (authentication runs once per request).
        var signedIn = await context.AuthenticateAsync(scheme).ConfigureAwait(false);
        if (signedIn.Principal is not { } principal)
        {
            throw new ArgumentException("The request carries no session of the cookie scheme to renew.", nameof(context));
        }

        var session = await Service<IUserSessions>(context).RenewAsync(principal, changed, context.RequestAborted).ConfigureAwait(false);
        await context.SignInAsync(scheme, session.ToClaimsPrincipal()).ConfigureAwait(false);
        return session.User;
    }

    // The library's services from the request, with an error that says what is missing.
    internal static T Service<T>(HttpContext context)
        where T : class =>
        context.RequestServices.GetService(typeof(T)) as T
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered: call services.AddUserTypes(...) first.");
}
