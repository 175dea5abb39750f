using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UserTypes;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers UserTypes in a service collection.</summary>
public static class UserTypesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the UserTypes services and options. Every service is added with <c>TryAdd</c>, so a host can
    /// register its own first, and calling this twice registers nothing twice. Options are validated when the
    /// host starts. Choose a store on the returned builder.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code; may be <see langword="null"/> to keep the defaults.</param>
    /// <returns>A builder to choose the stores with, such as <see cref="UserTypesBuilder.AddInMemoryStores"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    [SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "The public contract pins this signature; the configuration overload takes no delegate.")]
    public static UserTypesBuilder AddUserTypes(this IServiceCollection services, Action<UserTypesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<UserTypesOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddServices(services, options);
    }

    /// <summary>
    /// Registers the UserTypes services with options bound from configuration, such as the <c>UserTypes</c> section of
    /// appsettings.json (property names as in <see cref="UserTypesOptions"/>, for example
    /// <c>"Password": { "WorkFactor": 12 }</c>). Otherwise the same as <see cref="AddUserTypes(IServiceCollection, Action{UserTypesOptions}?)"/>;
    /// a bad value fails at start-up with every problem listed.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>A builder to choose the stores with.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static UserTypesBuilder AddUserTypes(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddServices(services, services.AddOptions<UserTypesOptions>().Bind(configuration));
    }

    private static UserTypesBuilder AddServices(IServiceCollection services, OptionsBuilder<UserTypesOptions> options)
    {
        // ValidateOnStart adds a registration on every call, so only the first call adds it.
        if (!services.Any(d => d.ImplementationType == typeof(UserTypesOptionsValidator)))
        {
            options.ValidateOnStart();
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UserTypesOptions>, UserTypesOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UserTypesOptions>, UserTypesOptionsRules>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UserTypesOptions>, AccountMailerValidator>());
        services.TryAddSingleton<IUserTypesStore>(_ => throw NoStore());
        UserTypesBuilder.RegisterCapabilities(services, static (services, descriptor) => services.TryAdd(descriptor));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static provider => new StoreChangeSignal(provider.GetService<ILogger<StoreChangeSignal>>()));
        services.TryAddSingleton<WorkspaceLookupCache>();
        services.TryAddSingleton<Reclassifier>();
        services.TryAddSingleton<RightsPolicy>();
        services.TryAddSingleton<LicenseGate>();
        services.TryAddSingleton<LoginGate>();
        services.TryAddSingleton<AccountGenerations>();
        services.TryAddSingleton<SessionCache>();
        services.TryAddSingleton<PasswordPolicy>();
        services.TryAddSingleton<HashingGate>();
        services.TryAddSingleton<PasswordHasher>();
        services.TryAddSingleton<PasswordAttempts>();
        services.TryAddSingleton<ImplicitAnonymousCache>();
        services.TryAddSingleton<UserTypesMetrics>();
        services.TryAddSingleton<AuditRecorder>();
        services.TryAddSingleton<IAuditLog, AuditLog>();
        services.TryAddSingleton<IUserClassifier, UserClassifier>();
        services.TryAddSingleton<IWorkspaceDirectory, WorkspaceDirectory>();
        services.TryAddSingleton<IUserDirectory, UserDirectory>();
        services.TryAddSingleton<IAuthenticator, Authenticator>();
        services.TryAddSingleton<IUserSessions, UserSessions>();
        services.TryAddSingleton<IApiKeys, ApiKeys>();
        services.TryAddSingleton<IFederatedAuthenticator, FederatedAuthenticator>();
        services.TryAddSingleton<ApiKeyCache>();
        services.TryAddSingleton<VerifiedPasswordCache>();
        return new UserTypesBuilder(services);
    }

    private static InvalidOperationException NoStore() => new(
        "No UserTypes store is registered. Call AddInMemoryStores(), AddSqliteStores(...), AddPostgreSqlStores(...) or AddStores<TStore>() on the builder AddUserTypes returns.");
}
