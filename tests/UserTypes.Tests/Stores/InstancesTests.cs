using System.Diagnostics;

namespace UserTypes.Tests.Stores;

/// <summary>Several host instances on one database, as several processes of a host would run.</summary>
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.PostgreSql)]
public sealed class InstancesTests(StoreKind store) : StoreFixture(store)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    private static async Task<TimeSpan> TimeUntilAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                Assert.Fail("The other instance never saw the change.");
            }

            await Task.Delay(10);
        }

        return clock.Elapsed;
    }

    [Test]
    public async Task RemovedCollaborator_IsSeenByTheOtherInstanceWithinASecond()
    {
        using var first = NewHost();
        using var second = NewHost(shareStoresWith: first);
        var workspace = await first.CreateWorkspaceAsync("owner@softr.io");
        await first.Workspaces.AddCollaboratorAsync(workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);
        (await second.Classifier.ClassifyAsync(workspace, "james@xyz.com")).UserType.Should().Be(UserType.Internal, "the second instance caches the workspace");

        await first.Workspaces.RemoveCollaboratorAsync(workspace, "joanne@xyz.com");
        var elapsed = await TimeUntilAsync(async () => (await second.Classifier.ClassifyAsync(workspace, "james@xyz.com")).UserType == UserType.External);

        elapsed.Should().BeLessThan(Bound);
    }

    [Test]
    public async Task GrantToTheAnonymousAccount_ReachesTheOtherInstancesImplicitAnonymousWithinASecond()
    {
        static void Options(UserTypesOptions o) => o.AnonymousUsers.AllowImplicit = true;
        using var first = NewHost(Options);
        using var second = NewHost(Options, shareStoresWith: first);
        var workspace = await first.CreateWorkspaceAsync("owner@softr.io", license: new WorkspaceLicense { AnonymousUsers = true });
        var admin = await first.CreateAdministratorAsync(workspace);
        var anonymous = await first.Users.SetAnonymousUserAsync(workspace, "anonymous", TestHost.Password);
        (await second.Authenticator.AuthenticateAsync(workspace, null, ClientKind.ServiceAgent)).Rights.Allows("contact", DataRights.Create).Should().BeFalse();

        await first.Users.GrantAsync(admin, anonymous.Id, new RightsGrant { DataRights = new Dictionary<string, DataRights> { ["contact"] = DataRights.Create } });
        var elapsed = await TimeUntilAsync(async () =>
            (await second.Authenticator.AuthenticateAsync(workspace, null, ClientKind.ServiceAgent)).Rights.Allows("contact", DataRights.Create));

        elapsed.Should().BeLessThan(Bound);
    }

    [Test]
    public async Task AChangeNoInstanceHeardOf_EndsTheSession_WithinTheCachesLongestAge()
    {
        using var host = NewHost();
        var workspace = await host.CreateWorkspaceAsync("owner@softr.io");
        var staff = await host.Users.CreateInternalUserAsync(workspace, "staff", "staff@softr.io", TestHost.Password);
        var user = await host.Authenticator.AuthenticateAsync(workspace, new PasswordCredentials("staff", TestHost.Password), ClientKind.WebApplication);
        var sessions = host.Get<IUserSessions>();
        var principal = (await sessions.StartAsync(user)).ToClaimsPrincipal();
        (await sessions.ValidateAsync(principal)).State.Should().Be(SessionState.Current);

        // Written behind every watcher's back: no notice, no change log, as if the one notice had been lost.
        host.Database.Execute($"UPDATE usertypes_users SET security_stamp = 'moved-unheard' WHERE id = '{staff.Id}'");
        var cached = (await sessions.ValidateAsync(principal)).State;
        host.Clock.Advance(AccountGenerations.MaxAge);

        cached.Should().Be(SessionState.Current, "until then the cache answers");
        (await sessions.ValidateAsync(principal)).State.Should().Be(SessionState.Ended);
    }

    [Test]
    public async Task AWorkspaceChangeNoInstanceHeardOf_IsSeen_WithinTheLookupsLongestAge()
    {
        using var host = NewHost();
        var workspace = await host.CreateWorkspaceAsync("owner@softr.io");
        (await host.Classifier.ClassifyAsync(workspace, "james@xyz.com")).UserType.Should().Be(UserType.External);

        // Written behind every watcher's back, as if the one notice had been lost.
        host.Database.Execute(
            $"INSERT INTO usertypes_signup_domains (workspace_id, domain, include_subdomains) VALUES ('{workspace}', 'xyz.com', (1 = 0)); " +
            $"UPDATE usertypes_workspaces SET version = version + 1 WHERE id = '{workspace}'");
        var cached = (await host.Classifier.ClassifyAsync(workspace, "james@xyz.com")).UserType;
        host.Clock.Advance(WorkspaceLookupCache.MaxAge);

        cached.Should().Be(UserType.External, "until then the cache answers");
        (await host.Classifier.ClassifyAsync(workspace, "james@xyz.com")).UserType.Should().Be(UserType.Internal);
    }
}
