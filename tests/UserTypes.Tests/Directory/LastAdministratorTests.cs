using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Directory;

/// <summary>Nothing may take away the workspace's last enabled holder of manage-rights; deleting anyone else frees everything.</summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class LastAdministratorTests(StoreKind store) : WorkspaceFixture(store, new WorkspaceLicense { MaxInternalUsers = 10 })
{
    private static readonly RightsGrant ManageRights = new() { FunctionalRights = new HashSet<string> { FunctionalRights.ManageRights } };


    [Test]
    public async Task TheLastAdministrator_CannotBeDeletedDisabledOrStripped()
    {
        var delete = () => Host.Users.DeleteAsync(WorkspaceId, Admin.UserId);
        var disable = () => Host.Users.SetEnabledAsync(WorkspaceId, Admin.UserId, enabled: false);
        var strip = () => Host.Users.RevokeAsync(Admin, Admin.UserId, ManageRights);

        await delete.Should().ThrowAsync<LastAdministratorException>();
        await disable.Should().ThrowAsync<LastAdministratorException>();
        await strip.Should().ThrowAsync<LastAdministratorException>();
        var account = (await Host.Users.FindByIdAsync(WorkspaceId, Admin.UserId))!;
        (account.Enabled, account.Rights.FunctionalRights.Contains(FunctionalRights.ManageRights)).Should().Be((true, true));
    }

    [Test]
    public async Task WithASecondAdministrator_TheFirstMayGo()
    {
        await Host.CreateAdministratorAsync(WorkspaceId, "second");

        await Host.Users.DeleteAsync(WorkspaceId, Admin.UserId);

        (await Host.Users.FindByIdAsync(WorkspaceId, Admin.UserId)).Should().BeNull();
    }

    [Test]
    public async Task TwoAdministratorsDisablingEachOtherAtOnce_LeaveOne()
    {
        var second = await Host.CreateAdministratorAsync(WorkspaceId, "second");

        var results = await Task.WhenAll(
            Attempt(() => Host.Users.SetEnabledAsync(WorkspaceId, Admin.UserId, enabled: false)),
            Attempt(() => Host.Users.SetEnabledAsync(WorkspaceId, second.UserId, enabled: false)));

        results.Count(succeeded => succeeded).Should().Be(1);
        var enabled = await Task.WhenAll(new[] { Admin.UserId, second.UserId }.Select(async id => (await Host.Users.FindByIdAsync(WorkspaceId, id))!.Enabled));
        enabled.Count(e => e).Should().Be(1);
    }

    [Test]
    public async Task Delete_FreesTheSeatTheUserNameAndTheAddress_AndKeepsNothing()
    {
        var staff = await Host.Users.CreateInternalUserAsync(WorkspaceId, "staff", "staff@softr.io", TestHost.Password);
        var before = await Host.SeatsAsync(WorkspaceId);

        await Host.Users.DeleteAsync(WorkspaceId, staff.Id);
        var again = await Host.Users.CreateInternalUserAsync(WorkspaceId, "staff", "staff@softr.io", TestHost.Password);

        (await Host.SeatsAsync(WorkspaceId)).InternalUsers.Should().Be(before.InternalUsers);
        (await Host.Users.FindByIdAsync(WorkspaceId, staff.Id)).Should().BeNull();
        again.Id.Should().NotBe(staff.Id);
        var login = () => Host.Authenticator.AuthenticateAsync(WorkspaceId, new PasswordCredentials("staff", TestHost.Password), ClientKind.WebApplication);
        (await login()).UserId.Should().Be(again.Id);
    }

    [Test]
    public async Task Delete_OfAnUnknownAccount_IsNamed()
    {
        var act = () => Host.Users.DeleteAsync(WorkspaceId, "no-such-id");

        (await act.Should().ThrowAsync<AccountNotFoundException>()).Which.UserId.Should().Be("no-such-id");
    }

    [Test]
    public async Task Reclassification_NeverDemotesTheLastAdministrator_ButDemotesOthers()
    {
        // Signed-up administrators whose domain is internal only through a collaborator.
        await Host.Workspaces.AddCollaboratorAsync(WorkspaceId, "joanne@xyz.com", CollaboratorRole.Collaborator);
        var james = await Host.SignUpAsync(WorkspaceId, "james@xyz.com", TestHost.Password);
        var jane = await Host.SignUpAsync(WorkspaceId, "jane@xyz.com", TestHost.Password);
        await Host.Users.GrantAsync(Admin, james.Id, ManageRights);
        await Host.Users.GrantAsync(Admin, jane.Id, ManageRights);
        await Host.CreateAdministratorAsync(WorkspaceId, "spare");
        await Host.Users.DeleteAsync(WorkspaceId, Admin.UserId);
        var spare = (await Host.Users.FindByUserNameAsync(WorkspaceId, "spare"))!;
        await Host.Users.SetEnabledAsync(WorkspaceId, spare.Id, enabled: false);

        await Host.Workspaces.RemoveCollaboratorAsync(WorkspaceId, "joanne@xyz.com");

        var types = await Task.WhenAll(new[] { james.Id, jane.Id }.Select(async id => (await Host.Users.FindByIdAsync(WorkspaceId, id))!.UserType));
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
