using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UserTypes.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Answers the library's exceptions with problem details.</summary>
public static class UserTypesProblemDetailsServiceCollectionExtensions
{
    /// <summary>
    /// Registers problem details and an exception handler that answers every <see cref="UserTypes.UserTypesException"/>
    /// with its status code (401 with the one generic message for a failed authentication, 403, 404 or 409) and bad input
    /// to a UserTypes call with 400. Add <c>app.UseExceptionHandler()</c> to the pipeline. Calling this twice adds nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddUserTypesProblemDetails(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddProblemDetails();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionHandler, UserTypesExceptionHandler>());
        return services;
    }
}
