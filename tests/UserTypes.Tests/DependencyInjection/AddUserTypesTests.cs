using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UserTypes.Tests.DependencyInjection;

public sealed class AddUserTypesTests
{
    [Test]
    public void AddUserTypes_WithInMemoryStores_ResolvesEveryPublicService()
    {
        var services = new ServiceCollection();
        services.AddUserTypes(o => o.Mail.Enabled = false).AddInMemoryStores();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        provider.GetRequiredService<IUserClassifier>().Should().BeOfType<UserClassifier>();
        provider.GetRequiredService<IWorkspaceDirectory>().Should().BeOfType<WorkspaceDirectory>();
        provider.GetRequiredService<IUserDirectory>().Should().BeOfType<UserDirectory>();
        var store = provider.GetRequiredService<IUserTypesStore>().Should().BeOfType<InMemoryStore>().Subject;
        new object[]
        {
            provider.GetRequiredService<IWorkspaceStore>(), provider.GetRequiredService<IUserAccountStore>(),
            provider.GetRequiredService<IUserLockoutStore>(), provider.GetRequiredService<IUserClassificationStore>(),
        }.Should().AllSatisfy(capability => capability.Should().BeSameAs(store), "every capability is the one store");
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
        provider.GetRequiredService<IUserClassifier>().Should().BeSameAs(provider.GetRequiredService<IUserClassifier>());
    }

    [Test]
    public void AddUserTypes_ConfigureDelegate_ReachesTheOptions()
    {
        var services = new ServiceCollection();
        services.AddUserTypes(o =>
        {
            o.ExternalUsers.Enabled = true;
            o.Mail.Enabled = false;
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<UserTypesOptions>>().Value.ExternalUsers.Enabled.Should().BeTrue();
    }

    [Test]
    public void AddUserTypes_Twice_RegistersNothingTwice()
    {
        var once = new ServiceCollection();
        once.AddUserTypes().AddInMemoryStores();
        var twice = new ServiceCollection();
        twice.AddUserTypes().AddInMemoryStores();
        twice.AddUserTypes().AddInMemoryStores();

        Describe(twice).Should().Equal(Describe(once));
    }

    [Test]
    public void AddUserTypes_Twice_AppliesBothConfigureDelegates()
    {
        var services = new ServiceCollection();
        services.AddUserTypes(o => o.ExternalUsers.Enabled = true);
        services.AddUserTypes(o =>
        {
            o.AnonymousUsers.AllowImplicit = true;
            o.Mail.Enabled = false;
        });
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<UserTypesOptions>>().Value;
        options.ExternalUsers.Enabled.Should().BeTrue();
        options.AnonymousUsers.AllowImplicit.Should().BeTrue();
    }

    [Test]
    public void AddUserTypes_HostServiceRegisteredFirst_IsKept()
    {
        var custom = new FixedClassifier();
        var services = new ServiceCollection();
        services.AddSingleton<IUserClassifier>(custom);
        services.AddUserTypes(o => o.Mail.Enabled = false).AddInMemoryStores();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IUserClassifier>().Should().BeSameAs(custom);
    }

    [Test]
    public void AddUserTypes_HostStoreRegisteredFirst_IsKeptWithoutAStoreChoice()
    {
        var store = new InMemoryStore(new StoreChangeSignal(), TimeProvider.System);
        var services = new ServiceCollection();
        services.AddSingleton<IWorkspaceStore>(store);
        services.AddUserTypes();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IWorkspaceStore>().Should().BeSameAs(store);
    }

    [Test]
    public void AddUserTypes_WithoutAStore_SaysHowToChooseOne()
    {
        var services = new ServiceCollection();
        services.AddUserTypes();
        using var provider = services.BuildServiceProvider();

        var classifier = () => provider.GetRequiredService<IUserClassifier>();
        var users = () => provider.GetRequiredService<IUserDirectory>();

        classifier.Should().Throw<InvalidOperationException>().WithMessage("*AddInMemoryStores()*");
        users.Should().Throw<InvalidOperationException>().WithMessage("*AddInMemoryStores()*");
    }

    [Test]
    public void AddUserTypes_NullServices_ThrowsArgumentNull()
    {
        var act = () => UserTypesServiceCollectionExtensions.AddUserTypes(null!);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("services");
    }

    [Test]
    public void Builder_ExposesTheServiceCollection()
    {
        var services = new ServiceCollection();

        services.AddUserTypes().Services.Should().BeSameAs(services);
    }

    private static List<string> Describe(IServiceCollection services) =>
        [.. services.Select(d => $"{d.ServiceType.FullName} {d.Lifetime} {d.ImplementationType?.FullName ?? "factory/instance"}")];

    private sealed class FixedClassifier : IUserClassifier
    {
        public ValueTask<UserClassification> ClassifyAsync(string workspaceId, string email, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new UserClassification(UserType.External, ClassificationReason.NoMatch, null));
    }
}
