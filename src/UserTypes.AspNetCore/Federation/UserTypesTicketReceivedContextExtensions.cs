using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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
    /// (<see cref="UserTypesFederatedHttpContextExtensions.LinkFederatedIdentityAsync"/>). A sign-in the library refuses
    /// (an untrusted issuer, no free seat, ...) signs nobody in: it goes to the scheme's <c>OnRemoteFailure</c>, and is
    /// thrown as an <see cref="AuthenticationFailureException"/> when that handles nothing, as the handler's own failures are.
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
            await RefuseAsync(context, new AuthenticationFailureException("The sign-in carries no workspace: begin it with HttpContext.ChallengeFederatedAsync.")).ConfigureAwait(false);
            return;
        }

        if (context.Principal is null || FederatedClaims.Read(context.Principal, context.Options.ClaimsIssuer ?? context.Scheme.Name) is not { } identity)
        {
            await RefuseAsync(context, new AuthenticationFailureException("The validated token names no subject.")).ConfigureAwait(false);
            return;
        }

        FederatedSignInResult result;
        try
        {
            result = await UserTypesHttpContextExtensions.Service<IFederatedAuthenticator>(http)
                .SignInAsync(workspaceId, identity, ClientKind.WebApplication, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is UserTypesException or ArgumentException)
        {
            // A refusal, or a token whose issuer or subject UserTypes does not accept (an issuer that is no https URL).
            await RefuseAsync(context, exception).ConfigureAwait(false);
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

    // The remote handler signs in whatever principal OnTicketReceived leaves unless it is handled or skipped; a failed
    // result does not stop it. So a refusal goes to the scheme's OnRemoteFailure as the handler's own failures do, and
    // one nobody handles is thrown, as the handler throws it.
    private static async Task RefuseAsync(TicketReceivedContext context, Exception failure)
    {
        var events = context.Options.EventsType is { } type
            ? (RemoteAuthenticationEvents)context.HttpContext.RequestServices.GetRequiredService(type)
            : context.Options.Events;
        var remote = new RemoteFailureContext(context.HttpContext, context.Scheme, context.Options, failure) { Properties = context.Properties };
        await events.RemoteFailure(remote).ConfigureAwait(false);
        if (remote.Result?.Handled == true)
        {
            context.HandleResponse();
        }
        else if (remote.Result?.Skipped == true)
        {
            context.SkipHandler();
        }
        else
        {
            throw new AuthenticationFailureException("An error was encountered while handling the remote login.", remote.Failure ?? failure);
        }
    }
}
