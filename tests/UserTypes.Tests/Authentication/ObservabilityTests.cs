using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace UserTypes.Tests.Authentication;

public sealed class ObservabilityTests
{
    private const string Secret = "s3cret-Password-value";

    private static readonly char[] LineBreakers = ['\r', '\n', '\u0085', '\u2028', '\u2029', '\u202E'];

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

        _workspace = "observed";
        _provider = await StartAsync(_workspace, _ => { });
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
    public async Task WhatWasTypedAsAUserName_ReachesOnlyDebug_OnOneLine_AndBounded()
    {
        var forged = "nobody\r\n2026-11-25 info: Authenticated 'admin'\u202E" + new string('x', 100_000);

        await Authenticator.Invoking(a => a.AuthenticateAsync(_workspace, new PasswordCredentials(forged, Secret), ClientKind.WebApplication))
            .Should().ThrowAsync<AuthenticationFailedException>();
        await Authenticator.Invoking(a => a.AuthenticateAsync(_workspace, new PasswordCredentials(Secret, "typed into the wrong field"), ClientKind.WebApplication))
            .Should().ThrowAsync<AuthenticationFailedException>();
        await Authenticator.Invoking(a => a.AuthenticateAsync("no\u2028such\u0085workspace", new PasswordCredentials("nobody", "a guess"), ClientKind.WebApplication))
            .Should().ThrowAsync<AuthenticationFailedException>();

        _log.Entries.Should().OnlyContain(e => e.Message.IndexOfAny(LineBreakers) < 0 && e.Message.Length < 1_000);
        _log.Entries.Where(e => e.Level > LogLevel.Debug).Should().HaveCount(3)
            .And.OnlyContain(e => !e.Message.Contains("nobody") && !e.Message.Contains(Secret));
        _log.Entries.Should().ContainSingle(e => e.EventId.Id == 1004 && e.Message.Contains("nobody\\u000D\\u000A2026-11-25 info: Authenticated 'admin'\\u202E"))
            .Which.Message.Should().Contain("more characters");
        _log.Entries.Should().Contain(e => e.EventId.Id == 1002 && e.Message.Contains(@"no\u2028such\u0085workspace"));
    }

    [Test]
    public async Task AStoreThatCannotCountAnAttempt_RefusesEveryone_Alike_AndLogsAnError()
    {
        using var provider = await StartAsync("faulty", services => services.Replace(ServiceDescriptor.Singleton<IUserLockoutStore>(new UnavailableLockoutStore())));
        var authenticator = provider.GetRequiredService<IAuthenticator>();
        Task<AuthenticatedUser> Login(string userName, string password) =>
            authenticator.AuthenticateAsync("faulty", new PasswordCredentials(userName, password), ClientKind.WebApplication);

        var known = await authenticator.Invoking(_ => Login("staff", "wrong password")).Should().ThrowAsync<AuthenticationFailedException>();
        var unknown = await authenticator.Invoking(_ => Login("nobody", "wrong password")).Should().ThrowAsync<AuthenticationFailedException>();
        var right = await authenticator.Invoking(_ => Login("staff", Secret)).Should().ThrowAsync<AuthenticationFailedException>("an attempt that cannot be counted is not compared");

        new[] { known, unknown, right }.Select(failure => (failure.Which.Reason, failure.Which.Message))
            .Should().AllBeEquivalentTo((AuthenticationFailureReason.InvalidCredentials, known.Which.Message));
        _log.Entries.Where(e => e.Level == LogLevel.Error && e.EventId.Id == 1005).Should().HaveCount(3)
            .And.OnlyContain(e => !e.Message.Contains("staff") && !e.Message.Contains("nobody"));
    }

    [Test]
    public async Task AResetWhoseLockoutClearFails_StillTakesEffect_NotifiesTheOwner_AndLogsAWarning()
    {
        var mailer = new CapturingMailer();
        var services = new ServiceCollection();
        services.AddSingleton<ILogger<PasswordAttempts>>(new CapturingLogger<PasswordAttempts>(_log.Entries));
        services.AddSingleton<IAccountMailer>(mailer);
        services.AddUserTypes(o => o.Password.WorkFactor = 4).AddInMemoryStores();
        services.Replace(ServiceDescriptor.Singleton<IUserLockoutStore>(sp => new ClearFailingLockoutStore(sp.GetRequiredService<IUserTypesStore>())));
        await using var provider = services.BuildServiceProvider();
        var users = provider.GetRequiredService<IUserDirectory>();
        await provider.GetRequiredService<IWorkspaceDirectory>().CreateAsync("reset", "owner@softr.io");
        var staff = await users.CreateInternalUserAsync("reset", "staff", "staff@softr.io", Secret);
        await users.IssuePasswordResetAsync("reset", staff.Id);
        const string newPassword = "a brand new passphrase 42";

        await users.ResetPasswordAsync("reset", "staff@softr.io", mailer.TokenFor("staff@softr.io", AccountMailKind.PasswordReset), newPassword);

        (await provider.GetRequiredService<IAuthenticator>().AuthenticateAsync("reset", new PasswordCredentials("staff", newPassword), ClientKind.WebApplication))
            .UserId.Should().Be(staff.Id, "the reset was committed before the lockout was cleared");
        mailer.To("staff@softr.io").Select(m => m.Kind).Should().Contain(AccountMailKind.PasswordChanged);
        _log.Entries.Should().ContainSingle(e => e.Level == LogLevel.Warning && e.EventId.Id == 1008)
            .Which.Message.Should().Contain(staff.Id).And.NotContain("staff@softr.io");
    }

    [Test]
    public async Task MalformedHash_IsLoggedAtError()
    {
        var store = _provider.GetRequiredService<IUserTypesStore>();
        var stored = (await store.FindByUserNameAsync(_workspace, "STAFF", CancellationToken.None))!;
        await store.UpdateAsync(stored with { PasswordHash = "notahash", Account = stored.Account with { Version = 2 } }, 1, null, null, [], CancellationToken.None);

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

    // A host with an in-memory store, logging to _log, with one workspace and its member "staff".
    private async Task<ServiceProvider> StartAsync(string workspace, Action<IServiceCollection> replace)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILogger<Authenticator>>(_log);
        services.AddSingleton<ILogger<PasswordAttempts>>(new CapturingLogger<PasswordAttempts>(_log.Entries));
        services.AddUserTypes(o =>
        {
            o.Password.WorkFactor = 4;
            o.Mail.Enabled = false;
        }).AddInMemoryStores();
        replace(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IWorkspaceDirectory>().CreateAsync(workspace, "owner@softr.io");
        await provider.GetRequiredService<IUserDirectory>().CreateInternalUserAsync(workspace, "staff", "staff@softr.io", Secret);
        return provider;
    }

    private sealed class UnavailableLockoutStore : IUserLockoutStore
    {
        public Task<LoginAttempt?> ReserveLoginAttemptAsync(string workspaceId, string attemptKey, LoginAttemptPolicy policy, DateTimeOffset now, AuditEntry? lockedOut, CancellationToken cancellationToken) =>
            throw new TimeoutException("The database did not answer.");

        public Task ReleaseLoginAttemptAsync(string workspaceId, string attemptKey, LoginAttempt attempt, AuditEntry? lifted, CancellationToken cancellationToken) =>
            throw new TimeoutException("The database did not answer.");

        public Task ClearLoginAttemptsAsync(string workspaceId, string attemptKey, AuditEntry? audit, CancellationToken cancellationToken) =>
            throw new TimeoutException("The database did not answer.");
    }

    // The real store, except that clearing a lockout fails as a dropped connection would.
    private sealed class ClearFailingLockoutStore(IUserLockoutStore inner) : IUserLockoutStore
    {
        public Task<LoginAttempt?> ReserveLoginAttemptAsync(string workspaceId, string attemptKey, LoginAttemptPolicy policy, DateTimeOffset now, AuditEntry? lockedOut, CancellationToken cancellationToken) =>
            inner.ReserveLoginAttemptAsync(workspaceId, attemptKey, policy, now, lockedOut, cancellationToken);

        public Task ReleaseLoginAttemptAsync(string workspaceId, string attemptKey, LoginAttempt attempt, AuditEntry? lifted, CancellationToken cancellationToken) =>
            inner.ReleaseLoginAttemptAsync(workspaceId, attemptKey, attempt, lifted, cancellationToken);

        public Task ClearLoginAttemptsAsync(string workspaceId, string attemptKey, AuditEntry? audit, CancellationToken cancellationToken) =>
            throw new TimeoutException("The database did not answer.");
    }
}
