using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Authentication;

/// <summary>
/// A guesser must not tell from the time an answer takes whether a user name exists: every path through a password
/// login does the same store work, call for call, beside its one BCrypt verification. (How long that takes on each
/// store, under parallel load, is measured in benchmarks/: LoginCostBenchmarks.)
/// </summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class EqualCostTests(StoreKind store) : StoreFixture(store)
{
    private TestHost _host = null!;
    private string _workspace = null!;
    private ConcurrentQueue<string> _calls = null!;

    [SetUp]
    public async Task SetUp()
    {
        _calls = new();
        _host = NewHost(o => o.Lockout.MaxFailedAttempts = 3);
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io");
        await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);
        await _host.Users.CreateInternalUserAsync(_workspace, "locked", "locked@softr.io", TestHost.Password);
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    // The store calls one login makes, through a recording proxy on the host's own store.
    private async Task<(AuthenticationFailureReason Reason, string[] Calls)> StoreWorkOf(string userName, string password)
    {
        var recording = RecordingStore.Wrap(_host.UserStore, _calls);
        var authenticator = ActivatorUtilities.CreateInstance<Authenticator>(
            _host.Get<IServiceProvider>(), recording, new PasswordAttempts(recording, _host.Get<PasswordHasher>(), _host.Get<AuditRecorder>(), _host.Get<Microsoft.Extensions.Options.IOptions<UserTypesOptions>>(), _host.Clock));
        _calls.Clear();
        var failure = await authenticator.Invoking(a => a.AuthenticateAsync(_workspace, new PasswordCredentials(userName, password), ClientKind.WebApplication))
            .Should().ThrowAsync<AuthenticationFailedException>();
        return (failure.Which.Reason, [.. _calls]);
    }

    [Test]
    public async Task UnknownUser_WrongPassword_AndLockedAccounts_DoTheSameStoreWork()
    {
        for (var i = 0; i < 3; i++)
        {
            await StoreWorkOf("locked", "wrong password");
            await StoreWorkOf("locked out name", "wrong password");
        }

        var unknown = await StoreWorkOf("nobody", "wrong password");
        var wrong = await StoreWorkOf("staff", "wrong password");
        var locked = await StoreWorkOf("locked", TestHost.Password);
        var lockedUnknown = await StoreWorkOf("locked out name", "wrong password");

        (unknown.Reason, wrong.Reason, locked.Reason, lockedUnknown.Reason).Should().Be(
            (AuthenticationFailureReason.InvalidCredentials, AuthenticationFailureReason.InvalidCredentials, AuthenticationFailureReason.LockedOut, AuthenticationFailureReason.LockedOut));
        unknown.Calls.Should().Equal(nameof(IUserAccountStore.FindByUserNameAsync), nameof(IUserLockoutStore.ReserveLoginAttemptAsync));
        wrong.Calls.Should().Equal(unknown.Calls);
        locked.Calls.Should().Equal(unknown.Calls);
        lockedUnknown.Calls.Should().Equal(unknown.Calls);
    }

    /// <summary>Forwards every call to the store and records its name.</summary>
    public class RecordingStore : DispatchProxy
    {
        private IUserTypesStore _store = null!;
        private ConcurrentQueue<string> _calls = null!;

        public static IUserTypesStore Wrap(IUserTypesStore store, ConcurrentQueue<string> calls)
        {
            var proxy = Create<IUserTypesStore, RecordingStore>();
            var recording = (RecordingStore)(object)proxy;
            (recording._store, recording._calls) = (store, calls);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            _calls.Enqueue(targetMethod!.Name);
            try
            {
                return targetMethod.Invoke(_store, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }
}
