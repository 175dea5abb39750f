using Microsoft.Extensions.DependencyInjection;

namespace UserTypes.Tests;

/// <summary>A service provider wired the way a host wires UserTypes, with test-friendly options.</summary>
internal sealed class TestHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public TestHost(Action<UserTypesOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddUserTypes(options =>
        {
            options.Password.WorkFactor = 4;
            configure?.Invoke(options);
        }).AddInMemoryStores();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IUserClassifier Classifier => _provider.GetRequiredService<IUserClassifier>();

    public IWorkspaceDirectory Workspaces => _provider.GetRequiredService<IWorkspaceDirectory>();

    public IWorkspaceStore WorkspaceStore => _provider.GetRequiredService<IWorkspaceStore>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Creates a workspace owned by <paramref name="ownerEmail"/> and returns its id.</summary>
    public async Task<string> CreateWorkspaceAsync(string ownerEmail = "owner@softr.io", string? id = null)
    {
        id ??= "ws-" + Guid.NewGuid().ToString("N");
        await Workspaces.CreateAsync(id, ownerEmail);
        return id;
    }

    public void Dispose() => _provider.Dispose();
}
