using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Federation.Review;

/// <summary>
/// Security review of federated sign-in (service level, every store). Each test asserts the behaviour a secure
/// implementation has; a failing test is a confirmed finding. See the review report for the reasoning.
/// </summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class FederationReviewTests(StoreKind store) : FederationFixture(store)
{
    private const string NewPassword = "a brand new passphrase 2";

    // FINDING 1 (account pre-hijacking). An issuer the workspace trusts for partner.example only is still believed
    // (VerifiedMailbox) on ANY address it marks email_verified. Its administrator mints ceo@softr.io: an account is
    // provisioned holding the colleague's address, confirmed. The real CEO is then locked out of sign-up and of
    // federated sign-in (LinkRequired); the one way in is to reset "her" account's password by mail and link her own
    // identity to it, which leaves the partner's identity linked: it signs in to the account the CEO now uses.
    [Test]
    public async Task AnIssuerBoundToAnotherDomain_CannotSquatAColleaguesAddress_NorKeepAWayIntoTheAccountItsOwnerAdopts()
    {
        var mallory = Identity(Partner, "mallory", "ceo@softr.io", ("email_verified", "true"));
        var ceoGoogle = Identity(Google, "ceo-google", "ceo@softr.io", ("email_verified", "true"), ("hd", "softr.io"));

        var squat = await SignInAsync(mallory);

        // What a secure policy does: the partner is no authority on softr.io addresses, so the address it asserts
        // must not be kept on an account (or it must at least not make the real owner's sign-in a LinkRequired).
        var squatted = await AccountAsync(squat.User!.UserId);
        var ceoFirst = await SignInAsync(ceoGoogle);
        if (ceoFirst.Status == FederatedSignInStatus.LinkRequired)
        {
            // The chain as the real CEO lives it: sign-up is closed to her, a reset by mail opens "her" account.
            await Host.Users.RequestSignUpAsync(WorkspaceId, "ceo@softr.io");
            Host.Mailer.To("ceo@softr.io").Last().Kind.Should().Be(AccountMailKind.AlreadyRegistered);
            await Host.Users.RequestPasswordResetAsync(WorkspaceId, "ceo@softr.io");
            await Host.Users.ResetPasswordAsync(WorkspaceId, "ceo@softr.io", Host.Mailer.TokenFor("ceo@softr.io", AccountMailKind.PasswordReset), NewPassword);
            var ceo = await Host.Authenticator.AuthenticateAsync(WorkspaceId, new PasswordCredentials("ceo@softr.io", NewPassword), ClientKind.WebApplication);
            await Federated.LinkAsync(ceo, ceoGoogle, ClientKind.WebApplication);

            var malloryAgain = await SignInAsync(mallory);

            malloryAgain.User!.UserId.Should().NotBe(
                ceo.UserId,
                "the partner's identity, which squatted ceo@softr.io, must not open the account the CEO adopted (it is {0}, the squat was {1} holding {2})",
                malloryAgain.User.UserId, squatted.Id, squatted.Email);
        }

        squatted.Email.Should().NotBe("ceo@softr.io", "an issuer bound to partner.example is no authority on a softr.io address");
    }

    // FINDING 1 (the same power, used on an existing account's future address by the address-following logic). An
    // account the partner provisioned with no trusted address later takes any address the partner marks verified.
    [Test]
    public async Task AnIssuerBoundToAnotherDomain_CannotMoveItsAccountOntoAColleaguesAddress()
    {
        var mallory = Identity(Partner, "mallory", "mallory@elsewhere.example");
        var first = await SignInAsync(mallory);
        (await AccountAsync(first.User!.UserId)).Email.Should().BeNull();

        await SignInAsync(mallory with { Email = "cfo@softr.io", Claims = new Dictionary<string, string> { ["email_verified"] = "true" } });

        (await AccountAsync(first.User.UserId)).Email.Should().NotBe("cfo@softr.io", "an issuer bound to partner.example is no authority on a softr.io address");
    }

    // FINDING 8 (low). The personal data export leaves out the identities linked to the account (issuer and subject are
    // data about the person, GDPR art. 15/20), and no public API but the store lists them for the person or an admin.
    [Test]
    public async Task ThePersonalDataExport_NamesTheLinkedIdentities()
    {
        var identity = Identity(Partner, "pat-subject-4711", "pat@partner.example", ("email_verified", "true"));
        var signedIn = (await SignInAsync(identity)).User!;

        var export = await Host.Users.ExportPersonalDataAsync(WorkspaceId, signedIn.UserId);

        export.Should().Contain("pat-subject-4711").And.Contain(Partner);
    }

    // FINDING 7 (info). A sign-in the gate then refuses has already written the followed address and the new type.
    [Test]
    public async Task ARefusedSignIn_WritesNothing()
    {
        await Host.Workspaces.BindIssuerDomainAsync(WorkspaceId, Partner, "softr.io");
        var identity = Identity(Partner, "alice", "alice@softr.io", ("email_verified", "true"));
        var first = await SignInAsync(identity);
        var before = await AccountAsync(first.User!.UserId);

        var desktop = () => SignInAsync(identity with { Email = "alice@partner.example" }, ClientKind.DesktopClient);
        (await desktop.Should().ThrowAsync<AuthenticationFailedException>()).Which.Reason.Should().Be(AuthenticationFailureReason.ClientNotAllowed);

        (await AccountAsync(first.User.UserId)).Should().BeEquivalentTo(
            new { before.Email, before.UserType, before.SecurityStamp }, "the sign-in was refused");
    }
}
