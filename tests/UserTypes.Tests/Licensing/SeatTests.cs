using UserTypes.Tests.Stores;
namespace UserTypes.Tests.Licensing;

[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class SeatTests(StoreKind store) : StoreFixture(store)
{
    private TestHost _host = null!;
    private string _workspace = null!;
    private AuthenticatedUser _admin = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost(o => o.ExternalUsers.Enabled = true);
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io", license: new WorkspaceLicense { ExternalUsers = true, AnonymousUsers = true });
        _admin = await _host.CreateAdministratorAsync(_workspace);
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    private Task SetLimitsAsync(int? internalUsers, int? externalUsers) =>
        _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { ExternalUsers = true, MaxInternalUsers = internalUsers, MaxExternalUsers = externalUsers });

    private Task<UserAccount> CreateExternalAsync(int i) =>
        _host.Users.CreateExternalUserAsync(_admin, $"person-{i}", $"partner{i}", $"partner{i}@elsewhere.example", TestHost.Password);

    [Test]
    public async Task FortyConcurrentCreations_AgainstALimitOfFive_CreateExactlyFive()
    {
        await SetLimitsAsync(internalUsers: null, externalUsers: 5);

        var attempts = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            try
            {
                await CreateExternalAsync(i);
                return true;
            }
            catch (SeatLimitExceededException e) when (e.Limit == 5 && e.UserType == UserType.External)
            {
                return false;
            }
        }));

        (await Task.WhenAll(attempts)).Count(created => created).Should().Be(5);
        (await _host.SeatsAsync(_workspace)).ExternalUsers.Should().Be(5);
    }

    [Test]
    public async Task SignUp_HoldsASeatWhileUnconfirmed()
    {
        await SetLimitsAsync(internalUsers: 2, externalUsers: null);

        await _host.SignUpAsync(_workspace, "john@softr.io", TestHost.Password);
        var act = () => _host.SignUpAsync(_workspace, "jane@softr.io", TestHost.Password);

        await act.Should().ThrowAsync<SeatLimitExceededException>();
        (await _host.Users.FindByUserNameAsync(_workspace, "jane@softr.io")).Should().BeNull();
    }

    [Test]
    public async Task Disable_FreesASeat_AndEnablingTakesOneThroughTheGate()
    {
        await SetLimitsAsync(internalUsers: null, externalUsers: 1);
        var first = await CreateExternalAsync(1);

        await _host.Users.SetEnabledAsync(_workspace, first.Id, enabled: false);
        var afterDisable = await _host.SeatsAsync(_workspace);
        await CreateExternalAsync(2);
        var act = () => _host.Users.SetEnabledAsync(_workspace, first.Id, enabled: true);

        afterDisable.ExternalUsers.Should().Be(0);
        await act.Should().ThrowAsync<SeatLimitExceededException>();
        (await _host.Users.FindByUserNameAsync(_workspace, "partner1"))!.Enabled.Should().BeFalse();
        (await _host.SeatsAsync(_workspace)).ExternalUsers.Should().Be(1);
    }

    [Test]
    public async Task SetEnabled_ToTheSameState_ChangesNothing()
    {
        var partner = await CreateExternalAsync(1);

        var again = await _host.Users.SetEnabledAsync(_workspace, partner.Id, enabled: true);

        again.Version.Should().Be(partner.Version);
    }

    [Test]
    public async Task EnableExternal_AfterTheLicenceLapsed_ThrowsLicenseRequired()
    {
        var partner = await CreateExternalAsync(1);
        await _host.Users.SetEnabledAsync(_workspace, partner.Id, enabled: false);
        await _host.Workspaces.SetLicenseAsync(_workspace, WorkspaceLicense.None);

        var act = () => _host.Users.SetEnabledAsync(_workspace, partner.Id, enabled: true);

        await act.Should().ThrowAsync<LicenseRequiredException>();
    }

    [Test]
    public async Task AnonymousAccount_NeverTakesASeat()
    {
        await SetLimitsAsync(internalUsers: 1, externalUsers: 0);

        await _host.Users.SetAnonymousUserAsync(_workspace, "anonymous", TestHost.Password);

        (await _host.SeatsAsync(_workspace)).Should().Be(new SeatUsage(1, 0, 1, 0));
    }

    [Test]
    public async Task LicenceDowngrade_KeepsEveryAccount_AndBlocksNewSeatsUntilBackUnder()
    {
        await CreateExternalAsync(1);
        var second = await CreateExternalAsync(2);

        await SetLimitsAsync(internalUsers: null, externalUsers: 1);
        var blocked = () => CreateExternalAsync(3);
        await blocked.Should().ThrowAsync<SeatLimitExceededException>();
        await _host.Users.SetEnabledAsync(_workspace, second.Id, enabled: false);
        var stillFull = () => CreateExternalAsync(3);

        await stillFull.Should().ThrowAsync<SeatLimitExceededException>("one enabled external account is the limit");
        (await _host.SeatsAsync(_workspace)).ExternalUsers.Should().Be(1);
    }

    [Test]
    public async Task SeatCounts_FollowEveryKindOfChange()
    {
        await _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { ExternalUsers = true });
        var counts = new List<(int Internal, int External)>();
        async Task Record()
        {
            var seats = await _host.SeatsAsync(_workspace);
            counts.Add((seats.InternalUsers, seats.ExternalUsers));
        }

        await Record();                                                             // the administrator
        var signedUp = await _host.SignUpAsync(_workspace, "james@xyz.com", TestHost.Password);
        await Record();                                                             // + external sign-up
        await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);
        await Record();                                                             // + internal
        await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);
        await Record();                                                             // james reclassified
        await _host.Users.SetEnabledAsync(_workspace, signedUp.Id, enabled: false);
        await Record();                                                             // james disabled
        await _host.Users.SetEnabledAsync(_workspace, signedUp.Id, enabled: true);
        await Record();                                                             // james enabled
        await _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { MaxInternalUsers = 1 });
        await Record();                                                             // licence change: nothing removed

        counts.Should().Equal((1, 0), (1, 1), (2, 1), (3, 0), (2, 0), (3, 0), (3, 0));
    }
}
