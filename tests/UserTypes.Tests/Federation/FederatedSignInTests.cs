using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Federation;

/// <summary>
/// Federated sign-in on every store, the way an attacker tries it: an address claim alone never classifies, never
/// reaches an account and never squats one; an identity reaches only the account it is linked to; a new identity whose
/// address an account holds writes nothing; provisioning is gated by the issuer, the licence, the client and the seats.
/// </summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class FederatedSignInTests(StoreKind store) : FederationFixture(store)
{
    [Test]
    public async Task AVerifiedAddress_FromAnIssuerBoundToItsDomain_IsClassified_AndProvisionsAnAccountWithoutPassword()
    {
        var result = await SignInAsync(Verified("alice-sub", "Alice@SOFTR.io"));

        result.Status.Should().Be(FederatedSignInStatus.Provisioned);
        result.Trust.Should().Be(AddressTrust.DomainAuthority);
        result.User!.UserType.Should().Be(UserType.Internal);
        var account = await AccountAsync(result.User!.UserId);
        account.Should().BeEquivalentTo(new { UserName = "alice@softr.io", Email = "alice@softr.io", EmailConfirmed = true, UserTypeSource = UserTypeSource.Classified });
        (await Host.LoginOutcomeAsync(WorkspaceId, "alice@softr.io", "")).Should().Be(AuthenticationFailureReason.InvalidCredentials, "an empty password opens no account");
        (await Host.LoginOutcomeAsync(WorkspaceId, "alice@softr.io", TestHost.Password)).Should().Be(AuthenticationFailureReason.InvalidCredentials, "the account has no password");
    }

    [Test]
    public async Task TheSameIdentity_SignsInAgain_ToTheSameAccount()
    {
        var first = await SignInAsync(Verified("alice-sub", "alice@softr.io"));
        var second = await SignInAsync(Verified("alice-sub", "alice@softr.io"));

        second.Status.Should().Be(FederatedSignInStatus.SignedIn);
        second.User!.UserId.Should().Be(first.User!.UserId);
        (await AccountCountAsync()).Should().Be(1);
    }

    [Test]
    public async Task AnUnverifiedAddress_AtAColleaguesDomain_IsNeitherKeptNorClassified()
    {
        var result = await SignInAsync(Identity(Generic, "mallory", "ceo@softr.io", ("email_verified", "false")));
        var missing = await SignInAsync(Identity(Generic, "mallory-2", "cfo@softr.io"));

        foreach (var outcome in new[] { result, missing })
        {
            outcome.Trust.Should().Be(AddressTrust.None);
            outcome.User!.UserType.Should().Be(UserType.External);
            var account = await AccountAsync(outcome.User!.UserId);
            account.Email.Should().BeNull("an address nobody vouched for squats nothing");
            account.UserName.Should().StartWith("federated-").And.NotContain("@");
            account.UserTypeSource.Should().Be(UserTypeSource.Assigned, "a later workspace change must not classify it");
        }

        (await Host.Users.FindByUserNameAsync(WorkspaceId, "ceo@softr.io")).Should().BeNull();
    }

    [Test]
    public async Task AVerifiedAddress_FromAnIssuerNotBoundToItsDomain_IsAVerifiedMailbox_ExternalWithoutTheAddress_AndStaysSo()
    {
        await Host.Workspaces.AddTrustedIssuerAsync(WorkspaceId, "https://other-idp.example", IssuerKind.OpenIdConnect, allowProvisioning: true);

        var result = await SignInAsync(Verified("eve", "eve@softr.io", "https://other-idp.example"));
        await Host.Workspaces.AddSignupDomainAsync(WorkspaceId, "softr.io");

        result.Trust.Should().Be(AddressTrust.VerifiedMailbox);
        result.User!.UserType.Should().Be(UserType.External);
        var account = await AccountAsync(result.User!.UserId);
        account.Email.Should().BeNull("its administrator could have marked any address verified: kept, it would squat the address");
        account.UserName.Should().StartWith("federated-");
        account.UserType.Should().Be(UserType.External, "a reclassification after a workspace change leaves it external");
    }

    [Test]
    public async Task AGoogleConsumerAccount_WithAWorkAddress_IsExternal_AndOnlyTheHostedDomainItNamesIsTrusted()
    {
        var consumer = await SignInAsync(Verified("g-1", "bob@softr.io", Google));
        var otherDomain = await SignInAsync(Identity(Google, "g-2", "carol@softr.io", ("email_verified", "true"), ("hd", "partner.example")));
        var workspaceAccount = await SignInAsync(Identity(Google, "g-3", "dave@softr.io", ("email_verified", "true"), ("hd", "SOFTR.io")));
        var unverified = await SignInAsync(Identity(Google, "g-4", "erin@softr.io", ("hd", "softr.io")));

        consumer.Trust.Should().Be(AddressTrust.VerifiedMailbox);
        consumer.User!.UserType.Should().Be(UserType.External);
        otherDomain.Trust.Should().Be(AddressTrust.VerifiedMailbox);
        workspaceAccount.Trust.Should().Be(AddressTrust.DomainAuthority);
        workspaceAccount.User!.UserType.Should().Be(UserType.Internal);
        unverified.Trust.Should().Be(AddressTrust.None);
    }

    [Test]
    public async Task AForeignEntraTenant_WithoutDomainVerification_IsNotTrustedWithTheAddress()
    {
        var nOAuth = await SignInAsync(EntraIdentity("attacker", "owner@softr.io", TenantB, domainVerified: false));
        var verified = await SignInAsync(EntraIdentity("frank", "frank@softr.io", TenantA, domainVerified: true));

        nOAuth.Trust.Should().Be(AddressTrust.None);
        nOAuth.User!.UserType.Should().Be(UserType.External);
        (await AccountAsync(nOAuth.User!.UserId)).Email.Should().BeNull();
        verified.Trust.Should().Be(AddressTrust.DomainAuthority);
        verified.User!.UserType.Should().Be(UserType.Internal);
    }

    [Test]
    public async Task AnEntraIssuer_ForOneTenant_WithAnotherTenantsId_IsUntrusted()
    {
        var forged = Identity(Entra.Replace("{tenantid}", TenantA, StringComparison.Ordinal), "x", "x@softr.io", ("tid", TenantB), ("xms_edov", "true"));
        var noTenant = Identity(Entra.Replace("{tenantid}", TenantA, StringComparison.Ordinal), "y", "y@softr.io", ("xms_edov", "true"));

        (await RefusedAsync(forged)).Should().Be(AuthenticationFailureReason.UntrustedIssuer);
        (await RefusedAsync(noTenant)).Should().Be(AuthenticationFailureReason.UntrustedIssuer);
        (await AccountCountAsync()).Should().Be(0);
    }

    [TestCase("https://idp.example")]
    [TestCase("https://IDP.example/")]
    [TestCase("https://idp.example.evil.example/")]
    [TestCase("https://evil.example/https://idp.example/")]
    public async Task ALookAlikeIssuer_IsUntrusted_AndWritesNothing(string issuer)
    {
        (await RefusedAsync(Verified("alice-sub", "alice@softr.io", issuer))).Should().Be(AuthenticationFailureReason.UntrustedIssuer);
        (await AccountCountAsync()).Should().Be(0);
    }

    [Test]
    public async Task OneAddressFromTwoIssuers_TheSecondGetsLinkRequired_AndNothingIsWritten()
    {
        var first = await SignInAsync(Verified("alice-generic", "alice@softr.io"));
        var second = Identity(Google, "alice-google", "alice@softr.io", ("email_verified", "true"), ("hd", "softr.io"));

        var result = await SignInAsync(second);

        result.Should().BeEquivalentTo(new FederatedSignInResult(FederatedSignInStatus.LinkRequired, null, AddressTrust.DomainAuthority));
        (await LinkedAccountAsync(second)).Should().BeNull();
        (await AccountCountAsync()).Should().Be(1);
        (await AccountAsync(first.User!.UserId)).Email.Should().Be("alice@softr.io");
    }

    [Test]
    public async Task APasswordAccount_IsNeverTakenOverByAnIdentityWithItsAddress_ButItsOwnerCanLinkIt()
    {
        var staff = await Host.Users.CreateInternalUserAsync(WorkspaceId, "staff", "staff@softr.io", TestHost.Password);
        var identity = Verified("staff-sub", "staff@softr.io");

        (await SignInAsync(identity)).Status.Should().Be(FederatedSignInStatus.LinkRequired);
        var proven = await Host.Authenticator.AuthenticateAsync(WorkspaceId, new PasswordCredentials("staff", TestHost.Password), ClientKind.WebApplication);
        var linked = await Federated.LinkAsync(proven, identity, ClientKind.WebApplication);
        var after = await SignInAsync(identity);

        linked.UserId.Should().Be(staff.Id);
        after.Status.Should().Be(FederatedSignInStatus.SignedIn);
        after.User!.UserId.Should().Be(staff.Id);
    }

    [Test]
    public async Task Linking_NeedsASignInMadeJustNow_NotASessionReadBack_NorAnApiKey()
    {
        var staff = await Host.Users.CreateInternalUserAsync(WorkspaceId, "staff", "staff@softr.io", TestHost.Password);
        var fromCookie = AuthenticatedUser.FromPrincipal(Host.ActorFor(staff).ToClaimsPrincipal())!;
        var identity = Verified("attacker-sub", "attacker@partner.example");

        var link = () => Federated.LinkAsync(fromCookie, identity, ClientKind.WebApplication);

        await link.Should().ThrowAsync<AccessDeniedException>();
        (await LinkedAccountAsync(identity)).Should().BeNull();
    }

    [Test]
    public async Task Linking_AfterThePasswordChanged_IsRefused()
    {
        var staff = await Host.Users.CreateInternalUserAsync(WorkspaceId, "staff", "staff@softr.io", TestHost.Password);
        var proven = await Host.Authenticator.AuthenticateAsync(WorkspaceId, new PasswordCredentials("staff", TestHost.Password), ClientKind.WebApplication);
        await Host.Users.ChangePasswordAsync(proven, TestHost.Password, "a brand new passphrase 2");
        var identity = Verified("late", "late@partner.example");

        var link = () => Federated.LinkAsync(proven, identity, ClientKind.WebApplication);

        await link.Should().ThrowAsync<AccessDeniedException>();
        (await LinkedAccountAsync(identity)).Should().BeNull();
        staff.Should().NotBeNull();
    }

    [Test]
    public async Task AnIdentityLinkedToOneAccount_CannotBeLinkedToAnother()
    {
        var identity = Verified("alice-sub", "alice@softr.io");
        var alice = await SignInAsync(identity);
        await Host.Users.CreateInternalUserAsync(WorkspaceId, "staff", "staff@softr.io", TestHost.Password);
        var staff = await Host.Authenticator.AuthenticateAsync(WorkspaceId, new PasswordCredentials("staff", TestHost.Password), ClientKind.WebApplication);

        var link = () => Federated.LinkAsync(staff, identity, ClientKind.WebApplication);

        (await link.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("identity");
        (await LinkedAccountAsync(identity)).Should().Be(alice.User!.UserId);
    }

    [Test]
    public async Task AnAssignedExternalContact_LinkingAWorkIdentity_StaysExternal()
    {
        var admin = await Host.CreateAdministratorAsync(WorkspaceId);
        await Host.Users.CreateExternalUserAsync(admin, "person-7", "contact", "contact@partner.example", TestHost.Password);
        var contact = await Host.Authenticator.AuthenticateAsync(WorkspaceId, new PasswordCredentials("contact", TestHost.Password), ClientKind.WebApplication);
        var work = Verified("contact-work", "contact@softr.io");

        await Federated.LinkAsync(contact, work, ClientKind.WebApplication);
        var result = await SignInAsync(work);

        result.Trust.Should().Be(AddressTrust.DomainAuthority);
        result.User!.UserType.Should().Be(UserType.External, "the host assigned the type");
        (await AccountAsync(result.User!.UserId)).Email.Should().Be("contact@partner.example", "an account that also opens with a password keeps the address it has");
    }

    [Test]
    public async Task AChangedTrustedAddress_MovesTheAccountsAddress_AndReclassifiesIt_ButNeverTheIdentity()
    {
        var identity = Verified("alice-sub", "alice@softr.io");
        var first = await SignInAsync(identity);

        var moved = await SignInAsync(identity with { Email = "alice@partner.example" });

        moved.User!.UserId.Should().Be(first.User!.UserId);
        moved.User.UserType.Should().Be(UserType.External);
        moved.User.SecurityStamp.Should().NotBe(first.User.SecurityStamp, "a new type ends the account's other sessions");
        var account = await AccountAsync(moved.User!.UserId);
        account.Should().BeEquivalentTo(new { Email = "alice@partner.example", UserName = "alice@partner.example", UserType = UserType.External });
        (await Host.Get<IAuditLog>().ReadAsync(WorkspaceId, new AuditQuery { SubjectUserId = account.Id })).Entries.Select(entry => entry.Action)
            .Should().Contain([AuditActions.EmailChanged, AuditActions.UserTypeChanged]);
    }

    [Test]
    public async Task AChangedAddress_HeldByAnotherAccount_IsNotTaken_AndTheIdentityStaysWhereItIs()
    {
        var staff = await Host.Users.CreateInternalUserAsync(WorkspaceId, "staff", "staff@softr.io", TestHost.Password);
        var identity = Verified("alice-sub", "alice@softr.io");
        var first = await SignInAsync(identity);

        var result = await SignInAsync(identity with { Email = "staff@softr.io" });

        result.Status.Should().Be(FederatedSignInStatus.SignedIn);
        result.User!.UserId.Should().Be(first.User!.UserId).And.NotBe(staff.Id);
        (await AccountAsync(result.User!.UserId)).Email.Should().Be("alice@softr.io");
    }

    [Test]
    public async Task AnUntrustedChangedAddress_ChangesNothing()
    {
        var identity = Verified("alice-sub", "alice@softr.io");
        var first = await SignInAsync(identity);

        var result = await SignInAsync(Identity(Generic, "alice-sub", "alice@elsewhere.example", ("email_verified", "false")));

        result.Trust.Should().Be(AddressTrust.None);
        result.User!.UserId.Should().Be(first.User!.UserId);
        (await AccountAsync(result.User!.UserId)).Should().BeEquivalentTo(new { Email = "alice@softr.io", UserType = UserType.Internal });
    }

    [Test]
    public async Task ADisabledAccount_IsRefused()
    {
        var identity = Verified("alice-sub", "alice@softr.io");
        var first = await SignInAsync(identity);
        await Host.Users.SetEnabledAsync(WorkspaceId, first.User!.UserId, enabled: false);

        (await RefusedAsync(identity)).Should().Be(AuthenticationFailureReason.AccountDisabled);
    }

    [Test]
    public async Task AnExternalIdentity_FromTheDesktopClient_IsRefused_AndNoAccountIsMade()
    {
        (await RefusedAsync(Verified("p-1", "p@partner.example"), ClientKind.DesktopClient)).Should().Be(AuthenticationFailureReason.ClientNotAllowed);

        (await AccountCountAsync()).Should().Be(0);
    }

    [Test]
    public async Task WithoutAnExternalUsersLicence_AnExternalIdentity_IsRefused_AndNoAccountIsMade()
    {
        await Host.Workspaces.SetLicenseAsync(WorkspaceId, new WorkspaceLicense { ExternalUsers = false });

        (await RefusedAsync(Verified("p-1", "p@partner.example"))).Should().Be(AuthenticationFailureReason.NotLicensed);
        (await RefusedAsync(Identity(Generic, "anon", null))).Should().Be(AuthenticationFailureReason.NotLicensed);
        (await AccountCountAsync()).Should().Be(0);
    }

    [Test]
    public async Task AnIssuerThatMayNotProvision_RefusesNewIdentities_ButSignsInLinkedOnes()
    {
        var identity = Verified("alice-sub", "alice@softr.io");
        await SignInAsync(identity);
        await Host.Workspaces.AddTrustedIssuerAsync(WorkspaceId, Generic, IssuerKind.OpenIdConnect, allowProvisioning: false);

        (await SignInAsync(identity)).Status.Should().Be(FederatedSignInStatus.SignedIn);
        (await RefusedAsync(Verified("bob-sub", "bob@softr.io"))).Should().Be(AuthenticationFailureReason.ProvisioningDisabled);
        (await AccountCountAsync()).Should().Be(1);
    }

    [Test]
    public async Task ARemovedIssuer_IsRefusedAtTheVeryNextSignIn()
    {
        var identity = Verified("alice-sub", "alice@softr.io");
        await SignInAsync(identity);

        await Host.Workspaces.RemoveTrustedIssuerAsync(WorkspaceId, Generic);

        (await RefusedAsync(identity)).Should().Be(AuthenticationFailureReason.UntrustedIssuer);
    }

    [Test]
    public async Task ARemovedIssuer_IsRefusedOnAnotherInstance_AsSoonAsItHearsOfIt()
    {
        if (Store == StoreKind.InMemory)
        {
            Assert.Ignore("In memory there is no second instance on the same data; the in-process case is the test above.");
        }

        using var second = NewHost(options => options.ExternalUsers.Enabled = true, shareStoresWith: Host);
        var elsewhere = second.Get<IFederatedAuthenticator>();
        var identity = Verified("alice-sub", "alice@softr.io");
        await SignInAsync(identity);
        (await elsewhere.SignInAsync(WorkspaceId, identity, ClientKind.WebApplication)).Status.Should().Be(FederatedSignInStatus.SignedIn, "the second instance now has the workspace cached");

        await Host.Workspaces.RemoveTrustedIssuerAsync(WorkspaceId, Generic);

        // SQLite's instances poll the change log every 250 ms; PostgreSQL's are told at once.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(5);
        AuthenticationFailureReason? refused = null;
        while (refused is null && DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                await elsewhere.SignInAsync(WorkspaceId, identity, ClientKind.WebApplication);
                await Task.Delay(25);
            }
            catch (AuthenticationFailedException exception)
            {
                refused = exception.Reason;
            }
        }

        refused.Should().Be(AuthenticationFailureReason.UntrustedIssuer, "the other instance must hear of the removal");
        var again = () => elsewhere.SignInAsync(WorkspaceId, identity, ClientKind.WebApplication);
        await again.Should().ThrowAsync<AuthenticationFailedException>("and never trusts the issuer again");
    }

    [Test]
    public async Task AnUnknownWorkspace_IsRefusedLikeAnyOther()
    {
        var call = () => Federated.SignInAsync("no-such-workspace", Verified("a", "a@softr.io"), ClientKind.WebApplication);

        (await call.Should().ThrowAsync<AuthenticationFailedException>()).Which.Reason.Should().Be(AuthenticationFailureReason.UnknownWorkspace);
    }

    [Test]
    public async Task FortyFirstSignInsAtOnce_AgainstFiveFreeSeats_MakeExactlyFiveAccounts()
    {
        await Host.Workspaces.SetLicenseAsync(WorkspaceId, new WorkspaceLicense { ExternalUsers = true, MaxInternalUsers = 5 });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            try
            {
                return (await SignInAsync(Verified($"sub-{i}", $"person{i}@softr.io"))).Status.ToString();
            }
            catch (SeatLimitExceededException)
            {
                return "full";
            }
        }));

        outcomes.Count(outcome => outcome == nameof(FederatedSignInStatus.Provisioned)).Should().Be(5);
        outcomes.Count(outcome => outcome == "full").Should().Be(35);
        (await AccountCountAsync()).Should().Be(5);
        var linked = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => LinkedAccountAsync(Verified($"sub-{i}", $"person{i}@softr.io"))));
        linked.Count(id => id is not null).Should().Be(5);
    }

    [Test]
    public async Task OneIdentitysFirstSignIns_InParallel_MakeOneAccount()
    {
        var identity = Verified("alice-sub", "alice@softr.io");

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SignInAsync(identity)));

        results.Select(result => result.User!.UserId).Distinct().Should().ContainSingle();
        results.Count(result => result.Status == FederatedSignInStatus.Provisioned).Should().Be(1);
        (await AccountCountAsync()).Should().Be(1);
    }

    [Test]
    public async Task Unlinking_TheOnlyWayIntoAnAccount_IsRefused_ButAnotherLinkMayGo()
    {
        var first = Verified("alice-sub", "alice@softr.io");
        var signedIn = (await SignInAsync(first)).User!;
        var second = Identity(Google, "alice-google", "alice@softr.io", ("email_verified", "true"), ("hd", "softr.io"));

        var unlinkOnly = () => Federated.UnlinkAsync(signedIn, first.Issuer, first.Subject);
        await unlinkOnly.Should().ThrowAsync<InvalidOperationException>();
        await Federated.LinkAsync(signedIn, second, ClientKind.WebApplication);
        await Federated.UnlinkAsync(signedIn, first.Issuer, first.Subject);

        (await LinkedAccountAsync(first)).Should().BeNull();
        (await LinkedAccountAsync(second)).Should().Be(signedIn.UserId);
    }

    [Test]
    public async Task TheTrail_NamesAccountsByIdOnly()
    {
        var result = await SignInAsync(Verified("alice-sub", "alice@softr.io"));

        var entries = (await Host.Get<IAuditLog>().ReadAsync(WorkspaceId, new AuditQuery())).Entries;

        entries.Select(entry => entry.Action).Should().Contain([AuditActions.TrustedIssuerAdded, AuditActions.IssuerDomainBound, AuditActions.UserCreated, AuditActions.IdentityLinked]);
        entries.Should().OnlyContain(entry => !entry.Summary.Contains("alice", StringComparison.Ordinal) && !entry.Summary.Contains("alice-sub", StringComparison.Ordinal));
        entries.Where(entry => entry.Action == AuditActions.IdentityLinked).Should().ContainSingle().Which.SubjectUserId.Should().Be(result.User!.UserId);
    }

    [Test]
    public async Task TheMeter_CountsSignIns_ByOutcomeAndTrust()
    {
        var counted = new List<(string? Outcome, string? Trust)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "UserTypes" && instrument.Name == "usertypes.federated.sign_ins")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var all = tags.ToArray();
            lock (counted)
            {
                counted.Add((all.FirstOrDefault(tag => tag.Key == "outcome").Value as string, all.FirstOrDefault(tag => tag.Key == "trust").Value as string));
            }
        });
        listener.Start();
        var alice = Verified("alice-sub", "alice@softr.io");

        await SignInAsync(alice);
        await SignInAsync(alice);
        await SignInAsync(Identity(Generic, "nobody", "x@softr.io"));
        await RefusedAsync(Verified("a", "a@softr.io", "https://idp.example.evil.example/"));

        counted.Should().Contain(("Provisioned", "DomainAuthority")).And.Contain(("SignedIn", "DomainAuthority"))
            .And.Contain(("Provisioned", "None")).And.Contain(("UntrustedIssuer", "unknown"));
    }

    [TestCase("")]
    [TestCase("not a url")]
    [TestCase("ftp://idp.example/")]
    [TestCase("http://idp.example/")]
    [TestCase("https://idp.example/?tenant=1")]
    [TestCase("https://idp.example/#x")]
    [TestCase("https://user@idp.example/")]
    [TestCase("https://idp.example/\n")]
    public async Task AMalformedIssuer_IsAnArgumentError_AndChangesNothing(string issuer)
    {
        var before = await Host.Workspaces.FindAsync(WorkspaceId);
        var add = () => Host.Workspaces.AddTrustedIssuerAsync(WorkspaceId, issuer, IssuerKind.OpenIdConnect, allowProvisioning: true);
        var signIn = () => SignInAsync(Verified("a", "a@softr.io", issuer));

        (await add.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("issuer");
        (await signIn.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("identity");
        (await Host.Workspaces.FindAsync(WorkspaceId))!.TrustedIssuers.Should().Equal(before!.TrustedIssuers);
    }

    [Test]
    public async Task BindingADomain_ToAnUntrustedIssuer_OrToAGoogleOne_IsAnArgumentError()
    {
        var untrusted = () => Host.Workspaces.BindIssuerDomainAsync(WorkspaceId, "https://unknown.example", "softr.io");
        var google = () => Host.Workspaces.BindIssuerDomainAsync(WorkspaceId, Google, "softr.io");
        var placeholder = () => Host.Workspaces.AddTrustedIssuerAsync(WorkspaceId, "https://idp.example/{tenantid}", IssuerKind.OpenIdConnect, true);

        (await untrusted.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("issuer");
        (await google.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("issuer");
        (await placeholder.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("issuer");
    }

    [Test]
    public async Task AHostileSubject_IsAnArgumentError()
    {
        var tooLong = () => SignInAsync(Verified(new string('s', 256), "a@softr.io"));
        var control = () => SignInAsync(Verified("sub\0ject", "a@softr.io"));
        var empty = () => SignInAsync(Verified(string.Empty, "a@softr.io"));

        await tooLong.Should().ThrowAsync<ArgumentException>();
        await control.Should().ThrowAsync<ArgumentException>();
        await empty.Should().ThrowAsync<ArgumentException>();
        (await AccountCountAsync()).Should().Be(0);
    }
}
