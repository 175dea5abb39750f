namespace UserTypes.Specification.Tests;

public abstract partial class StoreSpecification
{
    private const string AcmeIssuer = "https://idp.acme.example/";

    private const string OtherIssuer = "https://login.other.example";

    private static readonly TrustedIssuer AcmeIdp = new(AcmeIssuer, IssuerKind.OpenIdConnect, AllowProvisioning: false)
    {
        BoundDomains = [new SignupDomain("acme.example", true), new SignupDomain("corp.acme.example", false), new SignupDomain("xn--bcher-kva.example", false)],
    };

    private static readonly TrustedIssuer GoogleIdp = new("https://accounts.google.com", IssuerKind.Google, AllowProvisioning: true);

    private static readonly TrustedIssuer EntraIdp = new("https://login.microsoftonline.com/{tenantid}/v2.0", IssuerKind.MicrosoftEntraMultiTenant, AllowProvisioning: false);

    private static StoredIdentityLink NewLink(string userId, string subject = "sub-1", string issuer = AcmeIssuer, string workspace = Workspace) => new()
    {
        WorkspaceId = workspace,
        Issuer = issuer,
        Subject = subject,
        UserId = userId,
        CreatedAt = Now,
    };

    // An account a first federated sign-in made: no password opens it, and its stamp is known for linking.
    private static StoredUser NewFederatedUser(string name) => NewKeyOwner(name) with { PasswordHash = string.Empty };

    private static AuditEntry Linked(StoredIdentityLink link) =>
        Entry(AuditActions.IdentityLinked, link.UserId, $"Identity {link.Subject} of {link.Issuer} linked to {link.UserId}.", link.WorkspaceId);

    private static AuditEntry Unlinked(string userId, string issuer, string subject) =>
        Entry(AuditActions.IdentityUnlinked, userId, $"Identity {subject} of {issuer} unlinked from {userId}.");

    // The entries a provisioning writes with the account and its link, as the federated authenticator hands them in.
    private static AuditEntry[] Provisioned(StoredUser user, StoredIdentityLink link) =>
        [Entry(AuditActions.UserCreated, user.Account.Id, $"Account {user.Account.Id} created."), Linked(link)];

    private Task<UserStoreResult> ProvisionAsync(StoredUser user, StoredIdentityLink link, int? seatLimit = null) =>
        Store.CreateLinkedAsync(user, link, seatLimit, Provisioned(user, link), None);

    private Task<UserStoreResult> LinkAsync(StoredIdentityLink link, string? stamp = null) =>
        Store.LinkIdentityAsync(link, stamp ?? StampOf(link.UserId), [Linked(link)], None);

    private Task<UserStoreResult> UnlinkAsync(string userId, string subject, string issuer = AcmeIssuer, string workspace = Workspace) =>
        Store.UnlinkIdentityAsync(workspace, userId, issuer, subject, [Unlinked(userId, issuer, subject)], None);

    private Task<string?> LinkedAccountAsync(string subject, string issuer = AcmeIssuer, string workspace = Workspace) =>
        Store.FindIdentityAsync(workspace, issuer, subject, None);

    // The trail as it was handed in: the sequence is the store's to give.
    private async Task<IReadOnlyList<AuditEntry>> WrittenAsync() => [.. (await TrailAsync()).Select(entry => entry with { Sequence = 0 })];

    /// <summary>
    /// An account created with its link reads back whole; the link is found by its exact workspace, issuer and subject
    /// only (an issuer differing in case or by a trailing slash is another issuer), is listed with every field (its
    /// instant to the tick), and the entries handed in are written; the account is signalled.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Identities_CreateLinked_RoundTrips_AndTheLinkIsFoundByItsExactKeyOnly()
    {
        await CreateWorkspaceAsync();
        await Store.TryCreateAsync(NewWorkspace("other"), [], None);
        var heard = Listen(Changes);
        var lee = NewFederatedUser("Lee");
        var link = NewLink("id-Lee") with { CreatedAt = Now.AddTicks(1_234_567) };

        var result = await ProvisionAsync(lee, link);

        Assert.That(result, Is.EqualTo(UserStoreResult.Succeeded));
        var stored = await Store.FindByIdAsync(Workspace, "id-Lee", None);
        Assert.That(stored?.Account, Is.EqualTo(lee.Account));
        Assert.That(stored!.PasswordHash, Is.Empty, "an account without a password stays without one");
        Assert.That((await Store.FindByEmailAsync(Workspace, "lee@acme.example", None))?.Account.Id, Is.EqualTo("id-Lee"));
        Assert.That(await LinkedAccountAsync("sub-1"), Is.EqualTo("id-Lee"));
        Assert.That(await LinkedAccountAsync("sub-1", workspace: "other"), Is.Null, "another workspace");
        Assert.That(await LinkedAccountAsync("sub-1", issuer: "https://IDP.acme.example/"), Is.Null, "issuers compare exactly: case matters");
        Assert.That(await LinkedAccountAsync("sub-1", issuer: "https://idp.acme.example"), Is.Null, "issuers compare exactly: the trailing slash matters");
        Assert.That(await LinkedAccountAsync("SUB-1"), Is.Null, "subjects compare exactly");
        Assert.That(await LinkedAccountAsync("sub-2"), Is.Null);
        Assert.That(await Store.ListIdentitiesAsync(Workspace, "id-Lee", None), Is.EqualTo(new[] { link }), "every field, the instant to the tick");
        Assert.That(await Store.ListIdentitiesAsync("other", "id-Lee", None), Is.Empty);
        Assert.That(await WrittenAsync(), Is.EqualTo(Provisioned(lee, link)));
        Assert.That(heard, Is.EqualTo(new[] { (Workspace, (string?)"id-Lee") }));
    }

    /// <summary>
    /// An identity linked already is refused to a new account even when its name and address are free: no account, no
    /// second link, no entry, no signal.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Identities_CreateLinked_OfALinkedIdentity_IsIdentityTaken_EvenForAFreshAccount()
    {
        await CreateWorkspaceAsync();
        Assert.That(await ProvisionAsync(NewFederatedUser("Lee"), NewLink("id-Lee")), Is.EqualTo(UserStoreResult.Succeeded));
        var before = await WrittenAsync();
        var heard = Listen(Changes);

        var result = await ProvisionAsync(NewFederatedUser("Kim"), NewLink("id-Kim"));

        Assert.That(result, Is.EqualTo(UserStoreResult.IdentityTaken));
        Assert.That(await Store.FindByIdAsync(Workspace, "id-Kim", None), Is.Null);
        Assert.That(await Store.FindByEmailAsync(Workspace, "kim@acme.example", None), Is.Null);
        Assert.That(await LinkedAccountAsync("sub-1"), Is.EqualTo("id-Lee"), "the identity keeps its account");
        Assert.That(await Store.ListIdentitiesAsync(Workspace, "id-Kim", None), Is.Empty);
        Assert.That(await Store.CountSeatsAsync(Workspace, None), Is.EqualTo(new SeatCounts(1, 0)));
        Assert.That(await WrittenAsync(), Is.EqualTo(before));
        Assert.That(heard, Is.Empty);
    }

    /// <summary>
    /// A fresh identity is refused with an account whose name, address or id is taken, or that the seat limit leaves no
    /// seat for: each writes no account, no link, no entry and raises nothing.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Identities_CreateLinked_NameAddressIdOrSeatTaken_IsRefused_AndWritesNothing()
    {
        await CreateWorkspaceAsync();
        Assert.That(await ProvisionAsync(NewFederatedUser("Lee"), NewLink("id-Lee")), Is.EqualTo(UserStoreResult.Succeeded));
        var before = await WrittenAsync();
        var heard = Listen(Changes);
        var nameTaken = NewFederatedUser("LEE") with { Account = NewFederatedUser("LEE").Account with { Id = "id-name", Email = "fresh@acme.example" } };
        var emailTaken = NewFederatedUser("Max") with { Account = NewFederatedUser("Max").Account with { Email = "lee@acme.example" } };
        var idTaken = NewFederatedUser("Zoe") with { Account = NewFederatedUser("Zoe").Account with { Id = "id-Lee" } };

        var name = await ProvisionAsync(nameTaken, NewLink("id-name", "sub-name"));
        var email = await ProvisionAsync(emailTaken, NewLink("id-Max", "sub-email"));
        var id = await ProvisionAsync(idTaken, NewLink("id-Lee", "sub-id"));
        var seat = await ProvisionAsync(NewFederatedUser("Ann"), NewLink("id-Ann", "sub-seat"), seatLimit: 1);

        Assert.That(new[] { name, email, id, seat }, Is.EqualTo(new[]
        {
            UserStoreResult.UserNameTaken, UserStoreResult.EmailTaken, UserStoreResult.Conflict, UserStoreResult.SeatLimitReached,
        }));
        foreach (var subject in new[] { "sub-name", "sub-email", "sub-id", "sub-seat" })
        {
            Assert.That(await LinkedAccountAsync(subject), Is.Null, $"no link for {subject}");
        }

        foreach (var userId in new[] { "id-name", "id-Max", "id-Ann" })
        {
            Assert.That(await Store.FindByIdAsync(Workspace, userId, None), Is.Null, $"no account {userId}");
        }

        Assert.That((await AccountAsync("id-Lee")).UserName, Is.EqualTo("Lee"), "the id's holder is untouched");
        Assert.That(await Store.ListIdentitiesAsync(Workspace, "id-Lee", None), Is.EqualTo(new[] { NewLink("id-Lee") }), "no link was added to the id's holder");
        Assert.That(await Store.CountSeatsAsync(Workspace, None), Is.EqualTo(new SeatCounts(1, 0)));
        Assert.That(await WrittenAsync(), Is.EqualTo(before));
        Assert.That(heard, Is.Empty);
    }

    /// <summary>
    /// Forty first sign-ins, each a different identity and account, racing for five seats: exactly five land, each whole
    /// (its account and its link, naming each other) with its two entries; the thirty-five refused leave nothing.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Identities_CreateLinked_FortyRacingForFiveSeats_LandExactlyFive_EachWhole()
    {
        await CreateWorkspaceAsync();
        var names = Enumerable.Range(0, 40).Select(i => $"u{i:D2}").ToList();

        var results = await Task.WhenAll(names.Select(name => Task.Run(() =>
            ProvisionAsync(NewFederatedUser(name), NewLink("id-" + name, "sub-" + name), seatLimit: 5))));

        Assert.That(results.Count(r => r == UserStoreResult.Succeeded), Is.EqualTo(5));
        Assert.That(results.Count(r => r == UserStoreResult.SeatLimitReached), Is.EqualTo(35));
        var created = Enumerable.Range(0, 40).Where(i => results[i] == UserStoreResult.Succeeded).Select(i => "id-" + names[i]).Order(StringComparer.Ordinal).ToList();
        var linked = new List<string>();
        foreach (var name in names)
        {
            if (await LinkedAccountAsync("sub-" + name) is { } userId)
            {
                Assert.That(userId, Is.EqualTo("id-" + name));
                Assert.That(await Store.FindByIdAsync(Workspace, userId, None), Is.Not.Null, $"the link of {name} names an account that exists");
                linked.Add(userId);
            }
            else
            {
                Assert.That(await Store.FindByIdAsync(Workspace, "id-" + name, None), Is.Null, $"{name} has no link, so no account");
            }
        }

        Assert.That(linked, Is.EqualTo(created), "the links stored are those of the accounts reported created");
        Assert.That(await Store.CountSeatsAsync(Workspace, None), Is.EqualTo(new SeatCounts(5, 0)));
        var trail = await TrailAsync();
        Assert.That(trail, Has.Count.EqualTo(10));
        Assert.That(trail.Where(entry => entry.Action == AuditActions.UserCreated).Select(entry => entry.SubjectUserId).Order(StringComparer.Ordinal), Is.EqualTo(created));
        Assert.That(trail.Where(entry => entry.Action == AuditActions.IdentityLinked).Select(entry => entry.SubjectUserId).Order(StringComparer.Ordinal), Is.EqualTo(created));
    }

    /// <summary>
    /// Ten first sign-ins of one identity racing, each with its own account: exactly one account is created and holds the
    /// identity; the others are told it is taken and leave nothing.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Identities_CreateLinked_TenRacingWithOneIdentity_CreateExactlyOneAccount()
    {
        await CreateWorkspaceAsync();
        var names = Enumerable.Range(0, 10).Select(i => $"v{i}").ToList();

        var results = await Task.WhenAll(names.Select(name => Task.Run(() =>
            ProvisionAsync(NewFederatedUser(name), NewLink("id-" + name, "sub-shared")))));

        Assert.That(results.Count(r => r == UserStoreResult.Succeeded), Is.EqualTo(1));
        Assert.That(results.Count(r => r == UserStoreResult.IdentityTaken), Is.EqualTo(9));
        var winner = "id-" + names[Array.IndexOf(results, UserStoreResult.Succeeded)];
        Assert.That(await LinkedAccountAsync("sub-shared"), Is.EqualTo(winner));
        Assert.That(await Store.CountSeatsAsync(Workspace, None), Is.EqualTo(new SeatCounts(1, 0)));
        foreach (var name in names.Where(name => "id-" + name != winner))
        {
            Assert.That(await Store.FindByIdAsync(Workspace, "id-" + name, None), Is.Null, $"{name} lost the race and has no account");
        }

        Assert.That((await TrailAsync()).Select(entry => entry.SubjectUserId), Is.EqualTo(new[] { winner, winner }));
    }

    /// <summary>
    /// An identity links to an enabled account that still has the stamp, with its entry; linking it to that account
    /// again succeeds and writes nothing more; to another account it is taken. Links signal nothing: no cache holds them.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Identities_Link_ToAnEnabledAccountWithItsStamp_Lands_AndOnceOnly()
    {
        await CreateWorkspaceAsync();
        Assert.That(await Store.CreateAsync(NewKeyOwner("Lee"), null, null, [], None), Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await Store.CreateAsync(NewKeyOwner("Kim"), null, null, [], None), Is.EqualTo(UserStoreResult.Succeeded));
        var heard = Listen(Changes);
        var link = NewLink("id-Lee") with { CreatedAt = Now.AddTicks(7) };

        var linked = await LinkAsync(link);
        var again = await Store.LinkIdentityAsync(link, StampOf("id-Lee"), [Linked(link) with { Summary = "again" }], None);
        var taken = await LinkAsync(NewLink("id-Kim"));

        Assert.That((linked, again, taken), Is.EqualTo((UserStoreResult.Succeeded, UserStoreResult.Succeeded, UserStoreResult.IdentityTaken)));
        Assert.That(await LinkedAccountAsync("sub-1"), Is.EqualTo("id-Lee"));
        Assert.That(await Store.ListIdentitiesAsync(Workspace, "id-Lee", None), Is.EqualTo(new[] { link }));
        Assert.That(await Store.ListIdentitiesAsync(Workspace, "id-Kim", None), Is.Empty);
        Assert.That(await WrittenAsync(), Is.EqualTo(new[] { Linked(link) }), "one entry: the link made again and the one refused wrote none");
        Assert.That(heard, Is.Empty);
    }

    /// <summary>
    /// Linking to an account whose stamp moved on, a disabled one, or one the workspace does not have is a conflict:
    /// no link, no entry.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Identities_Link_WithAnotherStamp_OrToADisabledOrMissingAccount_IsAConflict_AndWritesNothing()
    {
        await CreateWorkspaceAsync();
        await Store.TryCreateAsync(NewWorkspace("other"), [], None);
        var disabled = NewKeyOwner("Dis") with { Account = NewKeyOwner("Dis").Account with { Enabled = false } };
        Assert.That(await Store.CreateAsync(NewKeyOwner("Lee"), null, null, [], None), Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await Store.CreateAsync(disabled, null, null, [], None), Is.EqualTo(UserStoreResult.Succeeded));

        var staleStamp = await LinkAsync(NewLink("id-Lee"), stamp: "stamp-before-a-password-change");
        var ofDisabled = await LinkAsync(NewLink("id-Dis", "sub-dis"));
        var ofMissing = await LinkAsync(NewLink("id-nobody", "sub-nobody"));
        var ofAnotherWorkspace = await LinkAsync(NewLink("id-Lee", "sub-other", workspace: "other"));

        Assert.That(new[] { staleStamp, ofDisabled, ofMissing, ofAnotherWorkspace }, Is.All.EqualTo(UserStoreResult.Conflict));
        Assert.That(await LinkedAccountAsync("sub-1"), Is.Null);
        Assert.That(await LinkedAccountAsync("sub-dis"), Is.Null);
        Assert.That(await LinkedAccountAsync("sub-nobody"), Is.Null);
        Assert.That(await LinkedAccountAsync("sub-other", workspace: "other"), Is.Null);
        Assert.That(await Store.ListIdentitiesAsync(Workspace, "id-Lee", None), Is.Empty);
        Assert.That(await TrailAsync(), Is.Empty);
        Assert.That(await TrailAsync("other"), Is.Empty);
    }

    /// <summary>
    /// An unlink removes only the link named, with its entry, and signals nothing; a link the account does not hold
    /// (unknown, another account's, another workspace's, or removed already) is a conflict that writes nothing.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Identities_Unlink_RemovesOnlyThatLink_AndAnotherIsAConflict()
    {
        await CreateWorkspaceAsync();
        await Store.TryCreateAsync(NewWorkspace("other"), [], None);
        Assert.That(await Store.CreateAsync(NewKeyOwner("Lee"), null, null, [], None), Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await Store.CreateAsync(NewKeyOwner("Kim"), null, null, [], None), Is.EqualTo(UserStoreResult.Succeeded));
        var otherIssuers = NewLink("id-Lee", issuer: OtherIssuer) with { CreatedAt = Now.AddMinutes(1) };
        Assert.That(await LinkAsync(NewLink("id-Lee")), Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await LinkAsync(otherIssuers), Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await LinkAsync(NewLink("id-Kim", "sub-kim")), Is.EqualTo(UserStoreResult.Succeeded));
        var before = await WrittenAsync();
        var heard = Listen(Changes);

        var unknown = await UnlinkAsync("id-Lee", "sub-none");
        var anothersLink = await UnlinkAsync("id-Lee", "sub-kim");
        var anotherWorkspace = await UnlinkAsync("id-Lee", "sub-1", workspace: "other");
        var removed = await UnlinkAsync("id-Lee", "sub-1");
        var again = await UnlinkAsync("id-Lee", "sub-1");

        Assert.That(new[] { unknown, anothersLink, anotherWorkspace, removed, again }, Is.EqualTo(new[]
        {
            UserStoreResult.Conflict, UserStoreResult.Conflict, UserStoreResult.Conflict, UserStoreResult.Succeeded, UserStoreResult.Conflict,
        }));
        Assert.That(await LinkedAccountAsync("sub-1"), Is.Null);
        Assert.That(await LinkedAccountAsync("sub-1", issuer: OtherIssuer), Is.EqualTo("id-Lee"), "the same subject of another issuer is another identity");
        Assert.That(await LinkedAccountAsync("sub-kim"), Is.EqualTo("id-Kim"));
        Assert.That(await Store.ListIdentitiesAsync(Workspace, "id-Lee", None), Is.EqualTo(new[] { otherIssuers }));
        Assert.That(await WrittenAsync(), Is.EqualTo(before.Append(Unlinked("id-Lee", AcmeIssuer, "sub-1"))));
        Assert.That(heard, Is.Empty);
    }

    /// <summary>
    /// An account without a password keeps its last link, so that it can still sign in: with two links the first goes and
    /// the second stays. An account with a password may lose its last link.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Identities_Unlink_TheLastLinkOfAnAccountWithoutAPassword_IsKept()
    {
        await CreateWorkspaceAsync();
        Assert.That(await ProvisionAsync(NewFederatedUser("Lee"), NewLink("id-Lee")), Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await ProvisionAsync(NewFederatedUser("Kim"), NewLink("id-Kim", "kim-1")), Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await LinkAsync(NewLink("id-Kim", "kim-2") with { CreatedAt = Now.AddMinutes(1) }), Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await Store.CreateAsync(NewKeyOwner("Max"), null, null, [], None), Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await LinkAsync(NewLink("id-Max", "max-1")), Is.EqualTo(UserStoreResult.Succeeded));
        var before = await WrittenAsync();

        var onlyLink = await UnlinkAsync("id-Lee", "sub-1");
        var firstOfTwo = await UnlinkAsync("id-Kim", "kim-1");
        var secondOfTwo = await UnlinkAsync("id-Kim", "kim-2");
        var withPassword = await UnlinkAsync("id-Max", "max-1");

        Assert.That(new[] { onlyLink, firstOfTwo, secondOfTwo, withPassword }, Is.EqualTo(new[]
        {
            UserStoreResult.LastSignInMethod, UserStoreResult.Succeeded, UserStoreResult.LastSignInMethod, UserStoreResult.Succeeded,
        }));
        Assert.That(await LinkedAccountAsync("sub-1"), Is.EqualTo("id-Lee"));
        Assert.That(await LinkedAccountAsync("kim-1"), Is.Null);
        Assert.That(await LinkedAccountAsync("kim-2"), Is.EqualTo("id-Kim"));
        Assert.That(await Store.ListIdentitiesAsync(Workspace, "id-Max", None), Is.Empty);
        Assert.That(await WrittenAsync(), Is.EqualTo(before.Append(Unlinked("id-Kim", AcmeIssuer, "kim-1")).Append(Unlinked("id-Max", AcmeIssuer, "max-1"))));
    }

    /// <summary>
    /// Deleting an account deletes its links and leaves other accounts' alone; its identities are free again, for a new
    /// account to be created with.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Identities_DeletingTheAccount_DeletesItsLinks_AndFreesItsIdentities()
    {
        await CreateWorkspaceAsync();
        Assert.That(await ProvisionAsync(NewFederatedUser("Lee"), NewLink("id-Lee")), Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await LinkAsync(NewLink("id-Lee", issuer: OtherIssuer)), Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await ProvisionAsync(NewFederatedUser("Kim"), NewLink("id-Kim", "sub-kim")), Is.EqualTo(UserStoreResult.Succeeded));

        Assert.That(await Store.DeleteAsync(Workspace, "id-Lee", 1, [], None), Is.EqualTo(UserStoreResult.Succeeded));

        Assert.That(await LinkedAccountAsync("sub-1"), Is.Null);
        Assert.That(await LinkedAccountAsync("sub-1", issuer: OtherIssuer), Is.Null);
        Assert.That(await Store.ListIdentitiesAsync(Workspace, "id-Lee", None), Is.Empty);
        Assert.That(await LinkedAccountAsync("sub-kim"), Is.EqualTo("id-Kim"));
        Assert.That(await ProvisionAsync(NewFederatedUser("Ann"), NewLink("id-Ann")), Is.EqualTo(UserStoreResult.Succeeded), "the identity is free");
        Assert.That(await LinkedAccountAsync("sub-1"), Is.EqualTo("id-Ann"));
    }

    /// <summary>
    /// A workspace is created with its trusted issuers whole: each kind, provisioning either way, bound domains in order
    /// with their subdomain setting, an internationalised one in its punycode form, and none; another workspace has none.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Workspaces_TrustedIssuers_TryCreate_StoresThemWhole()
    {
        var workspace = NewWorkspace() with { TrustedIssuers = [GoogleIdp, AcmeIdp, EntraIdp] };

        Assert.That(await Store.TryCreateAsync(workspace, [], None), Is.True);
        Assert.That(await Store.TryCreateAsync(NewWorkspace("other"), [], None), Is.True);

        Assert.That(await Store.FindAsync(Workspace, None), Is.EqualTo(workspace));
        Assert.That((await Store.FindAsync("other", None))!.TrustedIssuers, Is.Empty);
    }

    /// <summary>
    /// A change adds issuers after the others, and replaces one whole: its kind, whether it provisions, and its bound
    /// domains (added, dropped, reordered, subdomains turned on and off). The change's result is what is read back.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Workspaces_TrustedIssuers_TryApply_AddsAndReplacesWhole()
    {
        Assert.That(await Store.TryCreateAsync(NewWorkspace() with { TrustedIssuers = [GoogleIdp, AcmeIdp] }, [], None), Is.True);
        var google = new TrustedIssuer(GoogleIdp.Issuer, IssuerKind.OpenIdConnect, AllowProvisioning: false) { BoundDomains = [new SignupDomain("example.org", true)] };
        var acme = AcmeIdp with
        {
            AllowProvisioning = true,
            BoundDomains = [new SignupDomain("xn--bcher-kva.example", true), new SignupDomain("acme.example", false), new SignupDomain("new.example", false)],
        };
        var entra = EntraIdp with { AllowProvisioning = true };

        var added = await Store.TryApplyAsync(new WorkspaceChange(Workspace, 1) { UpsertedTrustedIssuers = [EntraIdp] }, [], None);
        var addedRead = await Store.FindAsync(Workspace, None);
        var replaced = await Store.TryApplyAsync(new WorkspaceChange(Workspace, 2) { UpsertedTrustedIssuers = [google, acme, entra] }, [], None);

        var expectedAdded = NewWorkspace() with { Version = 2, TrustedIssuers = [GoogleIdp, AcmeIdp, EntraIdp] };
        var expectedReplaced = NewWorkspace() with { Version = 3, TrustedIssuers = [google, acme, entra] };
        Assert.That(added, Is.EqualTo(expectedAdded));
        Assert.That(addedRead, Is.EqualTo(expectedAdded));
        Assert.That(replaced, Is.EqualTo(expectedReplaced));
        Assert.That(await Store.FindAsync(Workspace, None), Is.EqualTo(expectedReplaced));
    }

    /// <summary>An issuer replaced in a change keeps its place among the others; only a new one goes last.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Workspaces_TrustedIssuers_AReplacedIssuer_KeepsItsPlace()
    {
        Assert.That(await Store.TryCreateAsync(NewWorkspace() with { TrustedIssuers = [GoogleIdp, AcmeIdp] }, [], None), Is.True);
        var google = GoogleIdp with { AllowProvisioning = !GoogleIdp.AllowProvisioning };

        var replaced = await Store.TryApplyAsync(new WorkspaceChange(Workspace, 1) { UpsertedTrustedIssuers = [google, EntraIdp] }, [], None);

        var expected = NewWorkspace() with { Version = 2, TrustedIssuers = [google, AcmeIdp, EntraIdp] };
        Assert.That(replaced, Is.EqualTo(expected));
        Assert.That(await Store.FindAsync(Workspace, None), Is.EqualTo(expected));
    }

    /// <summary>
    /// A removed issuer goes with its bound domains (trusted again, it has only those it is given), an absent one is
    /// ignored, one removed and upserted in the same change is the upserted one, and another workspace trusting the same
    /// issuer is untouched.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Workspaces_TrustedIssuers_TryApply_RemovesAnIssuerWithItsDomains_InItsWorkspaceOnly()
    {
        Assert.That(await Store.TryCreateAsync(NewWorkspace() with { TrustedIssuers = [GoogleIdp, AcmeIdp, EntraIdp] }, [], None), Is.True);
        var other = NewWorkspace("other") with { TrustedIssuers = [AcmeIdp, EntraIdp] };
        Assert.That(await Store.TryCreateAsync(other, [], None), Is.True);
        var bare = AcmeIdp with { BoundDomains = [] };
        var entra = EntraIdp with { Kind = IssuerKind.OpenIdConnect, BoundDomains = [new SignupDomain("contoso.example", true)] };

        var removed = await Store.TryApplyAsync(new WorkspaceChange(Workspace, 1) { RemovedTrustedIssuers = [AcmeIssuer, "https://absent.example"] }, [], None);
        var trustedAgain = await Store.TryApplyAsync(
            new WorkspaceChange(Workspace, 2) { RemovedTrustedIssuers = [EntraIdp.Issuer], UpsertedTrustedIssuers = [bare, entra] }, [], None);

        Assert.That(removed, Is.EqualTo(NewWorkspace() with { Version = 2, TrustedIssuers = [GoogleIdp, EntraIdp] }));
        var expected = NewWorkspace() with { Version = 3, TrustedIssuers = [GoogleIdp, bare, entra] };
        Assert.That(trustedAgain, Is.EqualTo(expected));
        Assert.That(await Store.FindAsync(Workspace, None), Is.EqualTo(expected));
        Assert.That(await Store.FindAsync("other", None), Is.EqualTo(other));
    }

    /// <summary>A change of trusted issuers raises the workspace's signal once it lands; a stale one changes and raises nothing.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task Workspaces_TrustedIssuers_AChange_RaisesTheSignal_AndAStaleOneNothing()
    {
        Assert.That(await Store.TryCreateAsync(NewWorkspace() with { TrustedIssuers = [AcmeIdp] }, [], None), Is.True);
        var heard = Listen(Changes);

        var landed = await Store.TryApplyAsync(new WorkspaceChange(Workspace, 1) { UpsertedTrustedIssuers = [GoogleIdp] }, [], None);
        var afterLanded = heard.ToArray();
        var stale = await Store.TryApplyAsync(new WorkspaceChange(Workspace, 1) { RemovedTrustedIssuers = [AcmeIssuer] }, [], None);

        Assert.That(landed, Is.Not.Null);
        Assert.That(stale, Is.Null);
        Assert.That(afterLanded, Is.EqualTo(new[] { (Workspace, (string?)null) }));
        Assert.That(heard, Has.Count.EqualTo(1), "the stale change raised nothing");
        Assert.That((await Store.FindAsync(Workspace, None))!.TrustedIssuers, Is.EqualTo(new[] { AcmeIdp, GoogleIdp }));
    }
}
