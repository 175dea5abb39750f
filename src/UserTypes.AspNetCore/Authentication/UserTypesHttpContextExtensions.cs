using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using UserTypes;

namespace Microsoft.AspNetCore.Http;

/// <summary>Signs web users in with the cookie scheme.</summary>
public static class UserTypesHttpContextExtensions
{
    /// <summary>
    /// Authenticates a web user (<see cref="ClientKind.WebApplication"/>) and signs the result in with the cookie
    /// scheme, so later requests carry the user type and rights in the cookie.
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
        var authenticator = context.RequestServices.GetService(typeof(IAuthenticator)) as IAuthenticator
            ?? throw new InvalidOperationException("IAuthenticator is not registered: call services.AddUserTypes(...) first.");
        var user = await authenticator.AuthenticateAsync(workspaceId, credentials, ClientKind.WebApplication, context.RequestAborted).ConfigureAwait(false);
        await context.SignInAsync(scheme, user.ToClaimsPrincipal()).ConfigureAwait(false);
        return user;
    }
}
