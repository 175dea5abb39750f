using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UserTypes;
using UserTypes.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the UserTypes authentication scheme and the handlers of its authorization requirements.</summary>
public static class UserTypesAuthenticationBuilderExtensions
{
    /// <summary>Adds the UserTypes scheme for service calls under <see cref="UserTypesAuthenticationDefaults.AuthenticationScheme"/>.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static AuthenticationBuilder AddUserTypesScheme(this AuthenticationBuilder builder) =>
        builder.AddUserTypesScheme(UserTypesAuthenticationDefaults.AuthenticationScheme, displayName: null, configure: null);

    /// <summary>Adds the UserTypes scheme under <see cref="UserTypesAuthenticationDefaults.AuthenticationScheme"/>, with options.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="configure">Sets the scheme's options; may be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static AuthenticationBuilder AddUserTypesScheme(this AuthenticationBuilder builder, Action<UserTypesAuthenticationOptions>? configure) =>
        builder.AddUserTypesScheme(UserTypesAuthenticationDefaults.AuthenticationScheme, displayName: null, configure);

    /// <summary>Adds the UserTypes scheme under a name of the host's choosing.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme's name.</param>
    /// <param name="configure">Sets the scheme's options; may be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="authenticationScheme"/> is empty.</exception>
    public static AuthenticationBuilder AddUserTypesScheme(this AuthenticationBuilder builder, string authenticationScheme, Action<UserTypesAuthenticationOptions>? configure) =>
        builder.AddUserTypesScheme(authenticationScheme, displayName: null, configure);

    /// <summary>
    /// Adds the UserTypes scheme for service calls (HTTP Basic credentials, or none for the implicit anonymous user), the
    /// default <see cref="IWorkspaceResolver"/> (kept if the host registered its own) with its
    /// <see cref="UserTypesWorkspaceOptions"/>, and the handlers behind <c>RequireUserType</c>,
    /// <c>RequireFunctionalRight</c> and <c>RequireDataRight</c>; the audit trail's actor from the request's user (an
    /// <see cref="IAuditActorAccessor"/> of the host's own wins) and its hourly retention purge; and the check that no
    /// cookie scheme's <c>UseUserTypesValidation()</c> was switched off. Call <c>AddUserTypes(...)</c> for the UserTypes
    /// services themselves.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme's name.</param>
    /// <param name="displayName">The scheme's display name, or <see langword="null"/>.</param>
    /// <param name="configure">Sets the scheme's options; may be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="authenticationScheme"/> is empty.</exception>
    public static AuthenticationBuilder AddUserTypesScheme(
        this AuthenticationBuilder builder, string authenticationScheme, string? displayName, Action<UserTypesAuthenticationOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(authenticationScheme);
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddOptions<UserTypesWorkspaceOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UserTypesWorkspaceOptions>, UserTypesWorkspaceOptionsValidator>());
        services.TryAddSingleton<IWorkspaceResolver, RouteOrHeaderWorkspaceResolver>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<CookieAuthenticationOptions>, UserTypesCookieValidationCheck>());
        services.TryAddSingleton<IAuditActorAccessor, HttpContextAuditActorAccessor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AuditRetentionService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, UserTypeRequirementHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, FunctionalRightRequirementHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, DataRightRequirementHandler>());
        return builder.AddScheme<UserTypesAuthenticationOptions, UserTypesAuthenticationHandler>(authenticationScheme, displayName, configure);
    }
}
