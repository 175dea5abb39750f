using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UserTypes.Tests.Authentication;

public sealed class ObservabilityTests
{
    private const string Secret = "s3cret-Password-value";

    private CapturingLogger<Authenticator> _log = null!;
    private ConcurrentQueue<(string Instrument, Dictionary<string, object?> Tags)> _measurements = null!;
    private MeterListener _listener = null!;
    private ServiceProvider _provider = null!;
    private string _workspace = null!;

    private IAuthenticator Authenticator => _provider.GetRequiredService<IAuthenticator>();

    [SetUp]
    public async Task SetUp()
    {
        (_log, _measurements) = (new(), new());
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "UserTypes")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
            _measurements.Enqueue((instrument.Name, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();

        var services = new ServiceCollection();
        services.AddSingleton<ILogger<Authenticator>>(_log);
        services.AddUserTypes(o =>
        {
            o.Password.WorkFactor = 4;
            o.Mail.Enabled = false;
        }).AddInMemoryStores();
        _provider = services.BuildServiceProvider();
        _workspace = "observed";
        await _provider.GetRequiredService<IWorkspaceDirectory>().CreateAsync(_workspace, "owner@softr.io");
        await _provider.GetRequiredService<IUserDirectory>().CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", Secret);
    }

    [TearDown]
    public void TearDown()
    {
        _listener.Dispose();
        _provider.Dispose();
    }

    [Test]
    public async Task Success_IsLoggedAtDebug_AndCounted()
    {
        await Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("staff", Secret), ClientKind.WebApplication);

        _log.Entries.Should().ContainSingle(e => e.Level == LogLevel.Debug && e.EventId.Id == 1001 && e.Message.Contains("staff"));
        _measurements.Should().ContainSingle(m => m.Instrument == "usertypes.authentications")
            .Which.Tags.Should().Contain("result", "success").And.Contain("user_type", "internal").And.Contain("client_kind", "WebApplication");
    }

    [Test]
    public async Task Failure_IsLoggedAtInformationWithTheReason_AndCounted_WithoutThePassword()
    {
        await Authenticator.Invoking(a => a.AuthenticateAsync(_workspace, new PasswordCredentials("staff", Secret + "x"), ClientKind.WebApplication))
            .Should().ThrowAsync<AuthenticationFailedException>();

        _log.Entries.Should().ContainSingle(e => e.Level == LogLevel.Information && e.EventId.Id == 1002 && e.Message.Contains("InvalidCredentials"));
        _log.Entries.Should().NotContain(e => e.Message.Contains(Secret));
        _measurements.Should().ContainSingle(m => m.Instrument == "usertypes.authentications")
            .Which.Tags.Should().Contain("result", "failure").And.Contain("reason", "InvalidCredentials");
    }

    [Test]
    public async Task MalformedHash_IsLoggedAtError()
    {
        var store = _provider.GetRequiredService<IUserTypesStore>();
        var stored = (await store.FindByUserNameAsync(_workspace, "STAFF", CancellationToken.None))!;
        await store.UpdateAsync(stored with { PasswordHash = "notahash", Account = stored.Account with { Version = 2 } }, 1, null, null, CancellationToken.None);

        await Authenticator.Invoking(a => a.AuthenticateAsync(_workspace, new PasswordCredentials("staff", Secret), ClientKind.WebApplication))
            .Should().ThrowAsync<AuthenticationFailedException>();

        _log.Entries.Should().ContainSingle(e => e.Level == LogLevel.Error && e.EventId.Id == 1003);
        _log.Entries.Should().NotContain(e => e.Message.Contains(Secret) || e.Message.Contains("notahash"));
    }

    [Test]
    public async Task Classification_IsCountedByTypeAndReason()
    {
        await _provider.GetRequiredService<IUserClassifier>().ClassifyAsync(_workspace, "john@softr.io");

        _measurements.Should().ContainSingle(m => m.Instrument == "usertypes.classifications")
            .Which.Tags.Should().Contain("user_type", "internal").And.Contain("reason", "CollaboratorDomain");
    }

    [Test]
    public void AuthenticatorWithoutLogging_StillWorks()
    {
        using var provider = new ServiceCollection().AddUserTypes(o => o.Mail.Enabled = false).AddInMemoryStores().Services.BuildServiceProvider();

        provider.GetRequiredService<IAuthenticator>().Should().BeOfType<Authenticator>();
    }
}
