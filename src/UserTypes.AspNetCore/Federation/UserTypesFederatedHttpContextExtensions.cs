using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using UserTypes;
using UserTypes.AspNetCore;

namespace Microsoft.AspNetCore.Http;

/// <summary>The host's side of a federated sign-in: starting it for a workspace, and the link page.</summary>
public static class UserTypesFederatedHttpContextExtensions
{
    /// <summary>The <see cref="AuthenticationProperties"/> item that carries the workspace through the provider, protected in its state.</summary>
    public const string WorkspaceItem = ".usertypes.workspace";

    /// <summary>
    /// Sends the browser to an OpenID Connect provider to sign in to <paramref name="workspaceId"/>. The workspace
    /// travels in the protected state of the sign-in, so the callback cannot name another.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The OpenID Connect scheme, one per provider.</param>
    /// <param name="workspaceId">The workspace to sign in to.</param>
    /// <param name="returnPath">Where to go once signed in: a local path.</param>
    /// <returns>A task that completes when the challenge is written.</returns>
    /// <exception cref="ArgumentException">An argument is empty, or <paramref name="returnPath"/> is not a local path.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Task ChallengeFederatedAsync(this HttpContext context, string scheme, string workspaceId, string returnPath = "/")
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        ThrowIfNotLocal(returnPath, nameof(returnPath));
        var properties = new AuthenticationProperties { RedirectUri = returnPath };
        properties.Items[WorkspaceItem] = workspaceId;
        return context.ChallengeAsync(scheme, properties);
    }

    /// <summary>The identity waiting to be linked, for the link page to show; <see langword="null"/> when there is none, or it expired or was tampered with.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The pending link.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    public static PendingFederatedLink? GetPendingFederatedLink(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return PendingLinkCookie.Read(context) is { } pending && pending.Identity.Email is { } email
            ? new PendingFederatedLink(pending.WorkspaceId, pending.Identity.Issuer, email)
            : null;
    }

    /// <summary>
    /// The link page's answer: signs in with the password of the account that holds the pending identity's address,
    /// links the identity to it, and signs the account in to <paramref name="scheme"/>. The pending identity is used up.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="credentials">The account's user name and password.</param>
    /// <param name="scheme">The cookie scheme to sign in to.</param>
    /// <returns>
    /// The signed-in user; <see langword="null"/>, with nothing linked or signed in, when there is no pending identity
    /// (or it expired) or the account is not the one that holds its address: a pending identity planted in someone's
    /// browser links to nobody else's account.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="AuthenticationFailedException">The password login is refused.</exception>
    public static async Task<AuthenticatedUser?> LinkFederatedIdentityAsync(
        this HttpContext context, PasswordCredentials credentials, string scheme = CookieAuthenticationDefaults.AuthenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(credentials);
        if (PendingLinkCookie.Read(context) is not { } pending)
        {
            return null;
        }

        var user = await Service<IAuthenticator>(context).AuthenticateAsync(pending.WorkspaceId, credentials, ClientKind.WebApplication, context.RequestAborted).ConfigureAwait(false);

        // The directory canonicalises the address as it stored it (case, international domains): the account that holds
        // it must be the one whose password was given.
        var holder = pending.Identity.Email is { } email
            ? await Service<IUserDirectory>(context).FindByEmailAsync(pending.WorkspaceId, email, context.RequestAborted).ConfigureAwait(false)
            : null;
        if (holder?.Id != user.UserId)
        {
            return null;
        }

        var linked = await Service<IFederatedAuthenticator>(context).LinkAsync(user, pending.Identity, ClientKind.WebApplication, context.RequestAborted).ConfigureAwait(false);
        PendingLinkCookie.Delete(context);
        var session = await Service<IUserSessions>(context).StartAsync(linked, context.RequestAborted).ConfigureAwait(false);
        await context.SignInAsync(scheme, session.ToClaimsPrincipal()).ConfigureAwait(false);
        return session.User;
    }

    // An open redirect is a phishing page's best friend: only paths of this site.
    internal static void ThrowIfNotLocal(string? path, string paramName)
    {
        ArgumentNullException.ThrowIfNull(path, paramName);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal) || path.Any(char.IsControl))
        {
            throw new ArgumentException("The path must be local to this site, such as /link.", paramName);
        }
    }

    private static T Service<T>(HttpContext context)
        where T : class => UserTypesHttpContextExtensions.Service<T>(context);
}
