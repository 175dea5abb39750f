using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Directory;

/// <summary>Giving people a login by invitation, the invitee choosing their password, on every store.</summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class InvitationTests(StoreKind store) : WorkspaceFixture(store, new WorkspaceLicense { ExternalUsers = true, MaxExternalUsers = 5 })
{

    [Test]
    public async Task AnExternalInvitation_IsAcceptedWithTheMailedToken_AsTheContactPersonsAccount()
    {
        var invitation = await Host.Users.InviteExternalUserAsync(Admin, "person-7", "Pat@Partner.example");

        var account = await AcceptAsync("pat@partner.example", userName: "pat");

        invitation.Should().BeEquivalentTo(new { Email = "pat@partner.example", UserType = UserType.External, PersonId = "person-7", InvitedByUserId = Admin.UserId });
        invitation.ExpiresAt.Should().Be(Host.Clock.GetUtcNow().AddDays(7));
        (account.UserName, account.UserType, account.PersonId, account.EmailConfirmed).Should().Be(("pat", UserType.External, "person-7", true));
        (await Host.Users.ListInvitationsAsync(WorkspaceId, new InvitationQuery())).Invitations.Should().BeEmpty("an accepted invitation is no longer pending");
    }

    [Test]
    public async Task AnInternalInvitation_CarriesItsGrant_AndTheUserNameDefaultsToTheAddress()
    {
        await Host.Users.InviteInternalUserAsync(WorkspaceId, "colleague@elsewhere.example", new RightsGrant { FunctionalRights = new HashSet<string> { FunctionalRights.ManageRights } });

        var account = await AcceptAsync("colleague@elsewhere.example", userName: null);

        (account.UserName, account.UserType, account.UserTypeSource).Should().Be(("colleague@elsewhere.example", UserType.Internal, UserTypeSource.Assigned));
        account.Rights.FunctionalRights.Should().Contain(FunctionalRights.ManageRights);
    }

    [Test]
    public async Task AnExternalInvitation_ToAnAddressThatClassifiesInternal_OrHasAnAccount_IsRefused()
    {
        await Host.Users.CreateExternalUserAsync(Admin, "person-0", "partner", "pat@partner.example", TestHost.Password);
        var internalAddress = () => Host.Users.InviteExternalUserAsync(Admin, "person-1", "someone@softr.io");
        var taken = () => Host.Users.InviteExternalUserAsync(Admin, "person-1", "PAT@partner.example");

        (await internalAddress.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("email");
        await taken.Should().ThrowAsync<EmailTakenException>();
        Host.Mailer.Sent.Should().BeEmpty();
    }

    [Test]
    public async Task InvitingAgain_ReplacesThePendingInvitation()
    {
        await Host.Users.InviteExternalUserAsync(Admin, "person-1", "pat@partner.example");
        var first = Host.Mailer.TokenFor("pat@partner.example", AccountMailKind.Invitation);
        await Host.Users.InviteExternalUserAsync(Admin, "person-2", "pat@partner.example");

        var old = () => Host.Users.AcceptInvitationAsync(WorkspaceId, "pat@partner.example", first, null, TestHost.Password);
        await old.Should().ThrowAsync<ArgumentException>();
        var pending = (await Host.Users.ListInvitationsAsync(WorkspaceId, new InvitationQuery())).Invitations;

        pending.Should().ContainSingle().Which.PersonId.Should().Be("person-2");
        (await AcceptAsync("pat@partner.example", null)).PersonId.Should().Be("person-2");
    }

    [Test]
    public async Task Accepting_ChecksTheInviterAgain()
    {
        var inviter = await Host.CreateAdministratorAsync(WorkspaceId, "inviter");
        await Host.Users.InviteExternalUserAsync(inviter, "person-1", "pat@partner.example");
        await Host.Users.SetEnabledAsync(WorkspaceId, inviter.UserId, enabled: false);

        var act = () => AcceptAsync("pat@partner.example", null);

        await act.Should().ThrowAsync<AccessDeniedException>();
        (await Host.Users.FindByEmailAsync(WorkspaceId, "pat@partner.example")).Should().BeNull();
    }

    [Test]
    public async Task ARevokedInvitation_CannotBeAccepted_AndAnUnknownOneIsNamed()
    {
        var invitation = await Host.Users.InviteExternalUserAsync(Admin, "person-1", "pat@partner.example");

        await Host.Users.RevokeInvitationAsync(WorkspaceId, invitation.Id);
        var accept = () => AcceptAsync("pat@partner.example", null);
        var unknown = () => Host.Users.RevokeInvitationAsync(WorkspaceId, invitation.Id);

        (await accept.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("token");
        (await unknown.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("invitationId");
    }

    [Test]
    public async Task ATakenUserName_IsNamed_AndTheTokenStaysUsable()
    {
        await Host.Users.InviteExternalUserAsync(Admin, "person-1", "pat@partner.example");

        var taken = () => AcceptAsync("pat@partner.example", userName: "admin");
        await taken.Should().ThrowAsync<UserNameTakenException>();

        (await AcceptAsync("pat@partner.example", userName: "pat")).UserName.Should().Be("pat");
    }

    [Test]
    public async Task Invitations_AreListedAPageAtATime_OldestFirst_WithoutTokens()
    {
        for (var i = 0; i < 5; i++)
        {
            await Host.Users.InviteExternalUserAsync(Admin, $"person-{i}", $"guest{i}@partner.example");
            Host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await Host.Users.ListInvitationsAsync(WorkspaceId, new InvitationQuery { PageSize = 3 });
        var second = await Host.Users.ListInvitationsAsync(WorkspaceId, new InvitationQuery { PageSize = 3, ContinuationToken = first.ContinuationToken });

        first.Invitations.Concat(second.Invitations).Select(invitation => invitation.Email).Should().Equal(Enumerable.Range(0, 5).Select(i => $"guest{i}@partner.example"));
        second.ContinuationToken.Should().BeNull();
        Host.Clock.Advance(TimeSpan.FromDays(7));
        (await Host.Users.ListInvitationsAsync(WorkspaceId, new InvitationQuery())).Invitations.Should().BeEmpty("expired invitations are no longer pending");
    }

    [Test]
    public async Task ManyAcceptingAgainstASeatLimit_CreateExactlyTheLimit()
    {
        var addresses = Enumerable.Range(0, 12).Select(i => $"guest{i}@partner.example").ToList();
        foreach (var address in addresses)
        {
            await Host.Users.InviteExternalUserAsync(Admin, "person", address);
        }

        var outcomes = await Task.WhenAll(addresses.Select(address => Task.Run(async () =>
        {
            try
            {
                await AcceptAsync(address, null);
                return true;
            }
            catch (SeatLimitExceededException)
            {
                return false;
            }
        })));

        outcomes.Count(created => created).Should().Be(5);
    }

    private Task<UserAccount> AcceptAsync(string email, string? userName) =>
        Host.Users.AcceptInvitationAsync(WorkspaceId, email, Host.Mailer.TokenFor(email, AccountMailKind.Invitation), userName, TestHost.Password);
}
