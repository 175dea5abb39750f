using Microsoft.AspNetCore.Http;
using UserTypes;
using UserTypes.AspNetCore;

namespace Microsoft.AspNetCore.Authentication;

/// <summary>Federated sign-in for an OpenID Connect scheme, in one line of its events.</summary>
public static class UserTypesTicketReceivedContextExtensions
{
    /// <summary>
    /// Signs the identity of a validated OpenID Connect ticket in to its workspace account through
    /// <see cref="IFederatedAuthenticator"/>: the ticket's principal becomes the UserTypes session the scheme then signs in
    /// (its <c>SignInScheme</c>, a cookie scheme with <c>ValidateUserTypesSession</c>). When an account already holds the
    /// identity's address, the identity is kept in a protected, short-lived cookie and the browser is sent to
    /// <paramref name="linkPath"/>, where the person signs in to that account and links it
    /// (<see cref="UserTypesFederatedHttpContextExtensions.LinkFederatedIdentityAsync"/>). A refused sign-in fails the
    /// ticket, which the scheme's <c>OnRemoteFailure</c> sees.
    /// </summary>
    /// <remarks>
    /// Call it from <c>OpenIdConnectEvents.OnTicketReceived</c>, which runs once per sign-in after every protocol check
    /// (state, nonce, PKCE, signature, audience): not from <c>OnTokenValidated</c>, nor from an
    /// <c>IClaimsTransformation</c>, which runs on every request. The workspace is read from the protected
    /// <see cref="AuthenticationProperties"/> the sign-in began with
    /// (<see cref="UserTypesFederatedHttpContextExtensions.ChallengeFederatedAsync"/>), never from the callback's route,
    /// query or headers, and the issuer from the validated token.
    /// </remarks>
    /// <param name="context">The ticket context.</param>
    /// <param name="linkPath">The host's link page, a local path such as <c>/link</c>.</param>
    /// <returns>A task that completes when the ticket is signed in, redirected or failed.</returns>
    /// <exception cref="ArgumentException"><paramref name="linkPath"/> is not a local path.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static async Task SignInFederatedUserAsync(this TicketReceivedContext context, string linkPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        UserTypesFederatedHttpContextExtensions.ThrowIfNotLocal(linkPath, nameof(linkPath));
        var http = context.HttpContext;
        if (context.Properties?.Items.TryGetValue(UserTypesFederatedHttpContextExtensions.WorkspaceItem, out var workspaceId) != true || string.IsNullOrEmpty(workspaceId))
        {
            context.Fail("The sign-in carries no workspace: begin it with HttpContext.ChallengeFederatedAsync.");
            return;
        }

        if (context.Principal is null || FederatedClaims.Read(context.Principal) is not { } identity)
        {
            context.Fail("The validated token names no subject.");
            return;
        }

        FederatedSignInResult result;
        try
        {
            result = await UserTypesHttpContextExtensions.Service<IFederatedAuthenticator>(http)
                .SignInAsync(workspaceId, identity, ClientKind.WebApplication, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AuthenticationFailedException or SeatLimitExceededException)
        {
            context.Fail(exception);
            return;
        }

        if (result.User is not { } user)
        {
            PendingLinkCookie.Write(http, workspaceId, identity);
            http.Response.Redirect(linkPath);
            context.HandleResponse();
            return;
        }

        var session = await UserTypesHttpContextExtensions.Service<IUserSessions>(http).StartAsync(user, http.RequestAborted).ConfigureAwait(false);
        context.Principal = session.ToClaimsPrincipal();
    }
}
