using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Directory;

/// <summary>Nothing may take away the workspace's last enabled holder of manage-rights; deleting anyone else frees everything.</summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class LastAdministratorTests(StoreKind store) : StoreFixture(store)
{
    private static readonly RightsGrant ManageRights = new() { FunctionalRights = new HashSet<string> { FunctionalRights.ManageRights } };

    private TestHost _host = null!;
    private string _workspace = null!;
    private AuthenticatedUser _admin = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost();
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io", license: new WorkspaceLicense { MaxInternalUsers = 10 });
        _admin = await _host.CreateAdministratorAsync(_workspace);
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    [Test]
    public async Task TheLastAdministrator_CannotBeDeletedDisabledOrStripped()
    {
        var delete = () => _host.Users.DeleteAsync(_workspace, _admin.UserId);
        var disable = () => _host.Users.SetEnabledAsync(_workspace, _admin.UserId, enabled: false);
        var strip = () => _host.Users.RevokeAsync(_admin, _admin.UserId, ManageRights);

        await delete.Should().ThrowAsync<LastAdministratorException>();
        await disable.Should().ThrowAsync<LastAdministratorException>();
        await strip.Should().ThrowAsync<LastAdministratorException>();
        var account = (await _host.Users.FindByIdAsync(_workspace, _admin.UserId))!;
        (account.Enabled, account.Rights.FunctionalRights.Contains(FunctionalRights.ManageRights)).Should().Be((true, true));
    }

    [Test]
    public async Task WithASecondAdministrator_TheFirstMayGo()
    {
        await _host.CreateAdministratorAsync(_workspace, "second");

        await _host.Users.DeleteAsync(_workspace, _admin.UserId);

        (await _host.Users.FindByIdAsync(_workspace, _admin.UserId)).Should().BeNull();
    }

    [Test]
    public async Task TwoAdministratorsDisablingEachOtherAtOnce_LeaveOne()
    {
        var second = await _host.CreateAdministratorAsync(_workspace, "second");

        var results = await Task.WhenAll(
            Attempt(() => _host.Users.SetEnabledAsync(_workspace, _admin.UserId, enabled: false)),
            Attempt(() => _host.Users.SetEnabledAsync(_workspace, second.UserId, enabled: false)));

        results.Count(succeeded => succeeded).Should().Be(1);
        var enabled = await Task.WhenAll(new[] { _admin.UserId, second.UserId }.Select(async id => (await _host.Users.FindByIdAsync(_workspace, id))!.Enabled));
        enabled.Count(e => e).Should().Be(1);
    }

    [Test]
    public async Task Delete_FreesTheSeatTheUserNameAndTheAddress_AndKeepsNothing()
    {
        var staff = await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);
        var before = await _host.SeatsAsync(_workspace);

        await _host.Users.DeleteAsync(_workspace, staff.Id);
        var again = await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);

        (await _host.SeatsAsync(_workspace)).InternalUsers.Should().Be(before.InternalUsers);
        (await _host.Users.FindByIdAsync(_workspace, staff.Id)).Should().BeNull();
        again.Id.Should().NotBe(staff.Id);
        var login = () => _host.Authenticator.AuthenticateAsync(_workspace, new PasswordCredentials("staff", TestHost.Password), ClientKind.WebApplication);
        (await login()).UserId.Should().Be(again.Id);
    }

    [Test]
    public async Task Delete_OfAnUnknownAccount_IsNamed()
    {
        var act = () => _host.Users.DeleteAsync(_workspace, "no-such-id");

        (await act.Should().ThrowAsync<AccountNotFoundException>()).Which.UserId.Should().Be("no-such-id");
    }

    [Test]
    public async Task Reclassification_NeverDemotesTheLastAdministrator_ButDemotesOthers()
    {
        // Signed-up administrators whose domain is internal only through a collaborator.
        await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);
        var james = await _host.SignUpAsync(_workspace, "james@xyz.com", TestHost.Password);
        var jane = await _host.SignUpAsync(_workspace, "jane@xyz.com", TestHost.Password);
        await _host.Users.GrantAsync(_admin, james.Id, ManageRights);
        await _host.Users.GrantAsync(_admin, jane.Id, ManageRights);
        await _host.CreateAdministratorAsync(_workspace, "spare");
        await _host.Users.DeleteAsync(_workspace, _admin.UserId);
        var spare = (await _host.Users.FindByUserNameAsync(_workspace, "spare"))!;
        await _host.Users.SetEnabledAsync(_workspace, spare.Id, enabled: false);

        await _host.Workspaces.RemoveCollaboratorAsync(_workspace, "joanne@xyz.com");

        var types = await Task.WhenAll(new[] { james.Id, jane.Id }.Select(async id => (await _host.Users.FindByIdAsync(_workspace, id))!.UserType));
        types.Should().BeEquivalentTo([UserType.Internal, UserType.External], "one of the two stays internal as the last enabled administrator");
    }

    private static async Task<bool> Attempt(Func<Task> action)
    {
        try
        {
            await Task.Run(action);
            return true;
        }
        catch (LastAdministratorException)
        {
            return false;
        }
    }
}
