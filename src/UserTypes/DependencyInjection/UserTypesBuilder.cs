using Microsoft.Extensions.DependencyInjection.Extensions;
using UserTypes;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the stores behind UserTypes. Returned by <see cref="UserTypesServiceCollectionExtensions.AddUserTypes"/>.</summary>
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
    public UserTypesBuilder AddInMemoryStores()
    {
        Services.Replace(ServiceDescriptor.Singleton<IWorkspaceStore, InMemoryWorkspaceStore>());
        Services.Replace(ServiceDescriptor.Singleton<IUserStore, InMemoryUserStore>());
        return this;
    }
}
