using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UserTypes.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the UserTypes authentication scheme and authorization handler.</summary>
public static class UserTypesAuthenticationBuilderExtensions
{
    /// <summary>
    /// Adds the scheme for service calls (<see cref="UserTypesAuthenticationDefaults.AuthenticationScheme"/>), the
    /// default <see cref="IWorkspaceResolver"/> (kept if the host registered its own) and the handler behind
    /// <c>RequireUserType</c>, <c>RequireFunctionalRight</c> and <c>RequireDataRight</c>. Call
    /// <c>AddUserTypes(...)</c> for the UserTypes services themselves.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="configure">Sets the scheme's options; may be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddUserTypesScheme(this AuthenticationBuilder builder, Action<UserTypesAuthenticationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IWorkspaceResolver, RouteOrHeaderWorkspaceResolver>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, UserTypesAuthorizationHandler>());
        return builder.AddScheme<UserTypesAuthenticationOptions, UserTypesAuthenticationHandler>(UserTypesAuthenticationDefaults.AuthenticationScheme, configure);
    }
}
