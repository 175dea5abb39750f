using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using UserTypes;

namespace Microsoft.AspNetCore.Authentication.Cookies;

/// <summary>Makes a cookie scheme check every request's session with <see cref="IUserSessions"/>.</summary>
public static class UserTypesCookieAuthenticationOptionsExtensions
{
    // Stands for "no session to end" in a request's items: the check found it over and is clearing its cookie.
    private static readonly object Ended = new();

    // The events each validated options instance was given, so that a host which replaces them afterwards (or sets
    // EventsType, which the cookie handler prefers) is stopped at start-up rather than silently losing the check.
    private static readonly ConditionalWeakTable<CookieAuthenticationOptions, CookieAuthenticationEvents> Validated = [];

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
    /// Call it after assigning <see cref="CookieAuthenticationOptions.Events"/>, if you do: it wraps the delegates there.
    /// Nothing may switch the check off afterwards: replacing <see cref="CookieAuthenticationOptions.Events"/> or setting
    /// <see cref="AuthenticationSchemeOptions.EventsType"/> later makes the scheme's options throw when they are first
    /// read (with <c>AddUserTypesScheme</c> registered), so the host fails rather than serving unchecked cookies.
    /// </summary>
    /// <param name="options">The cookie options.</param>
    /// <returns>The same options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The options use <see cref="AuthenticationSchemeOptions.EventsType"/>, or an events class that overrides
    /// <see cref="CookieAuthenticationEvents.ValidatePrincipal"/> or <see cref="CookieAuthenticationEvents.SigningOut"/>
    /// (which would never call the check): set the <c>OnValidatePrincipal</c> and <c>OnSigningOut</c> delegates instead.
    /// </exception>
    public static CookieAuthenticationOptions UseUserTypesValidation(this CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var events = options.Events;
        if (WouldBypass(options) is { } bypass)
        {
            throw new ArgumentException($"UseUserTypesValidation cannot check sessions here: {bypass}", nameof(options));
        }

        Validated.AddOrUpdate(options, events);
        var validatePrincipal = events.OnValidatePrincipal;
        var signingOut = events.OnSigningOut;

        // This scheme's entry in a request's items: the session principal its authentication read, so that signing out
        // (from the host's own validator, inside that very authentication, too) ends it without authenticating again,
        // which would wait on itself. One key per scheme, so two cookie schemes never see each other's sessions.
        var sessionKey = new object();
        events.OnValidatePrincipal = async context =>
        {
            var items = context.HttpContext.Items;
            items[sessionKey] = context.Principal;
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
                    items[sessionKey] = validation.Principal;
                    break;
                case SessionState.Ended:
                    context.RejectPrincipal();
                    items[sessionKey] = Ended;
                    await context.HttpContext.SignOutAsync(context.Scheme.Name).ConfigureAwait(false);
                    break;
            }
        };
        events.OnSigningOut = async context =>
        {
            // The session of the cookie being signed out, as this request authenticated it; authenticated here only if
            // nothing did before (authentication runs once per request), never inside this scheme's own authentication.
            // A cookie past its idle expiry authenticates as nothing, but its session may live on in a copy that was kept
            // in use: it is read as it stands (its protection still checked), so the logout ends that session too.
            var principal = context.HttpContext.Items.TryGetValue(sessionKey, out var read)
                ? read as ClaimsPrincipal
                : (await context.HttpContext.AuthenticateAsync(context.Scheme.Name).ConfigureAwait(false)).Principal ?? ExpiredCookiePrincipal(context);
            if (principal is not null)
            {
                context.HttpContext.Items[sessionKey] = Ended;
                await UserTypesHttpContextExtensions.Service<IUserSessions>(context.HttpContext).EndAsync(principal, CancellationToken.None).ConfigureAwait(false);
            }

            await signingOut(context).ConfigureAwait(false);
        };
        return options;
    }

    private static ClaimsPrincipal? ExpiredCookiePrincipal(CookieSigningOutContext context)
    {
        var options = context.Options;
        return options.SessionStore is null
            && options.Cookie.Name is { } name
            && options.CookieManager.GetRequestCookie(context.HttpContext, name) is { Length: > 0 } cookie
            ? options.TicketDataFormat.Unprotect(cookie)?.Principal
            : null;
    }

    /// <summary>
    /// Throws when options that <see cref="UseUserTypesValidation"/> set up were changed afterwards so that the check
    /// would not run: their events replaced, or <see cref="AuthenticationSchemeOptions.EventsType"/> set.
    /// </summary>
    /// <param name="options">A cookie scheme's options, as finally configured.</param>
    /// <param name="scheme">The scheme's name, for the message.</param>
    internal static void ThrowIfValidationBypassed(CookieAuthenticationOptions options, string? scheme)
    {
        if (Validated.TryGetValue(options, out var events)
            && (WouldBypass(options) ?? (ReferenceEquals(options.Events, events) ? null : "its Events were replaced after the call.")) is { } bypass)
        {
            throw new InvalidOperationException($"Cookie scheme '{scheme}' called UseUserTypesValidation, but {bypass} Its sessions would not be checked; configure the events first, then call UseUserTypesValidation last.");
        }
    }

    // Why the cookie handler would never call the delegates this wraps, or null.
    private static string? WouldBypass(CookieAuthenticationOptions options)
    {
        if (options.EventsType is not null)
        {
            return "EventsType is set, and the handler then takes its events from the container instead.";
        }

        var type = options.Events.GetType();
        return Overrides(type, nameof(CookieAuthenticationEvents.ValidatePrincipal)) || Overrides(type, nameof(CookieAuthenticationEvents.SigningOut))
            ? $"{type.Name} overrides ValidatePrincipal or SigningOut, which then never call the OnValidatePrincipal and OnSigningOut delegates."
            : null;
    }

    private static bool Overrides(Type type, string method) => type.GetMethod(method)!.DeclaringType != typeof(CookieAuthenticationEvents);
}
