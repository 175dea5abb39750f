using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the stores behind UserTypes. Returned by <see cref="UserTypesServiceCollectionExtensions.AddUserTypes(IServiceCollection, Action{UserTypes.UserTypesOptions}?)"/>.</summary>
public sealed class UserTypesBuilder
{
    internal UserTypesBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection UserTypes is registered in, for store packages to add to.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Keeps everything in process memory: the default for tests and demos. Nothing survives a restart and
    /// nothing is shared between processes.
    /// </summary>
    /// <returns>This builder.</returns>
    public UserTypesBuilder AddInMemoryStores() => AddStores<InMemoryStore>();

    /// <summary>
    /// Makes one <typeparamref name="TStore"/>, created by the container, the store behind every UserTypes service:
    /// the one registration for any store, the shipped ones included. A later call replaces an earlier one.
    /// </summary>
    /// <typeparam name="TStore">The store; its constructor may take <see cref="StoreChangeSignal"/>, <see cref="TimeProvider"/> and any other service.</typeparam>
    /// <returns>This builder.</returns>
    public UserTypesBuilder AddStores<TStore>()
        where TStore : class, IUserTypesStore
    {
        Services.Replace(ServiceDescriptor.Singleton<IUserTypesStore, TStore>());
        return ForwardCapabilities();
    }

    /// <summary>Makes the store <paramref name="factory"/> creates the store behind every UserTypes service.</summary>
    /// <typeparam name="TStore">The store.</typeparam>
    /// <param name="factory">Creates the store once, from the container.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is <see langword="null"/>.</exception>
    public UserTypesBuilder AddStores<TStore>(Func<IServiceProvider, TStore> factory)
        where TStore : class, IUserTypesStore
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.Replace(ServiceDescriptor.Singleton<IUserTypesStore>(factory));
        return ForwardCapabilities();
    }

    // The services ask for the small capability interfaces; each is the one store instance.
    private static readonly Type[] Capabilities = [typeof(IWorkspaceStore), typeof(IUserAccountStore), typeof(IUserLockoutStore), typeof(IUserClassificationStore), typeof(IAccountTokenStore), typeof(IUserSessionStore), typeof(IApiKeyStore), typeof(IAuditStore), typeof(IFederatedIdentityStore)];

    /// <summary>Registers every capability interface as the one <see cref="IUserTypesStore"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="register">How: <c>TryAdd</c> (keep a host's own) or <c>Replace</c> (a store choice).</param>
    internal static void RegisterCapabilities(IServiceCollection services, Action<IServiceCollection, ServiceDescriptor> register)
    {
        foreach (var capability in Capabilities)
        {
            register(services, ServiceDescriptor.Singleton(capability, static sp => sp.GetRequiredService<IUserTypesStore>()));
        }
    }

    private UserTypesBuilder ForwardCapabilities()
    {
        RegisterCapabilities(Services, static (services, descriptor) => services.Replace(descriptor));
        return this;
    }
}
