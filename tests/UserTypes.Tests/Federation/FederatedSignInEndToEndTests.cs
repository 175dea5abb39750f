using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using UserTypes.AspNetCore;
using UserTypes.Tests.Federation.Harness;

namespace UserTypes.Tests.Federation;

/// <summary>
/// Federated sign-in end to end, the way an attacker tries it: a browser, the real OpenID Connect handler (code flow,
/// PKCE, form_post) against in-memory providers, <c>SignInFederatedUserAsync</c> in <c>OnTicketReceived</c>, and a cookie
/// scheme that checks every session with UserTypes. Each case asserts who the person ends up as (<c>/me</c>) and what
/// the store holds; <see cref="FederatedSignInTests"/> covers the policy itself, service-level, on every store.
/// </summary>
public sealed class FederatedSignInEndToEndTests
{
    private const string Workspace = "acme";
    private const string OtherWorkspace = "globex";
    private const string Generic = "generic";
    private const string Google = "google";
    private const string ForeignEntra = "entra-foreign";
    private const string Unbound = "unbound";
    private const string LookAlike = "lookalike";
    private const string CookieName = ".AspNetCore.Cookies";
    private const string ForeignTenant = "c5a0e2d4-93b1-4f7e-8a26-5d0b7e41f3c9";

    // The workspace trusts every tenant through the template; a tenant other than the harness's own is a foreign one.
    private static readonly string EntraTemplate = TestIssuers.EntraLike.AbsoluteUri.Replace(TestIssuers.EntraLikeTenant, "{tenantid}", StringComparison.Ordinal);
    private static readonly Uri ForeignEntraIssuer = new(EntraTemplate.Replace("{tenantid}", ForeignTenant, StringComparison.Ordinal));
    private static readonly Uri UnboundIssuer = new("https://idp-unbound.example/");

    private static readonly (string Scheme, Uri Issuer)[] Providers =
    [
        (Generic, TestIssuers.Generic),
        (Google, TestIssuers.GoogleLike),
        (ForeignEntra, ForeignEntraIssuer),
        (Unbound, UnboundIssuer),
        (LookAlike, TestIssuers.LookAlike),
    ];

    private static readonly Uri MeUri = new(TestRelyingParty.BaseAddress, TestRelyingParty.MePath);
    private static readonly Uri LinkUri = new(TestRelyingParty.BaseAddress, TestRelyingParty.LinkPath);

    private readonly Dictionary<string, TestIdentityProvider> _providers = [];
    private readonly List<TestBrowser> _browsers = [];
    private TestRelyingParty? _app;

    private enum Landing
    {
        /// <summary>Signed in: the browser ended at /me, which answered 200.</summary>
        Me,

        /// <summary>Sent to the link page, which shows a pending identity.</summary>
        LinkPage,

        /// <summary>The relying party refused the sign-in at its callback (OnRemoteFailure).</summary>
        Refused,

        /// <summary>The provider refused the authorization request: no code was sent back.</summary>
        RefusedByProvider,
    }

    private TestRelyingParty App => _app ?? throw new InvalidOperationException("Call StartAsync first.");

    private IUserTypesStore Store => App.Services.GetRequiredService<IUserTypesStore>();

    private IUserDirectory Users => App.Services.GetRequiredService<IUserDirectory>();

    private IWorkspaceDirectory Workspaces => App.Services.GetRequiredService<IWorkspaceDirectory>();

    [TearDown]
    public Task TearDown() => HarnessTeardown.DisposeAsync(_browsers, _app, _providers.Values);

    [TestCase(true)]
    [TestCase(false)]
    public async Task AVerifiedAddress_FromTheIssuerBoundToItsDomain_IsProvisionedInternal_AndItsSessionCookieWorks(bool mapInboundClaims)
    {
        await StartAsync(mapInboundClaims);
        var browser = NewBrowser();

        (await SignInAsync(browser, Generic, Verified("alice-1", "alice@softr.io"))).Should().Be(Landing.Me);

        var me = await MeAsync(browser);
        me.Should().BeEquivalentTo(new { UserName = "alice@softr.io", WorkspaceId = Workspace, UserType = "internal" });
        var account = (await AccountsAsync()).Should().ContainSingle().Subject;
        account.Should().BeEquivalentTo(new { Id = me!.UserId, Email = "alice@softr.io", EmailConfirmed = true, UserType = UserType.Internal, UserTypeSource = UserTypeSource.Classified });
        (await LinkedAsync(TestIssuers.Generic, "alice-1")).Should().Be(account.Id);
        (await Store.FindSessionsAsync(Workspace, account.Id, CancellationToken.None)).Should().ContainSingle("the cookie is a UserTypes session");
    }

    [Test]
    public async Task AnUnverifiedAddress_AtAColleaguesDomain_MakesAnExternalAccount_WithoutTheAddress()
    {
        await StartAsync();
        var browser = NewBrowser();

        var landing = await SignInAsync(browser, Generic, new TestPerson("mallory-1", "ceo@softr.io", new Dictionary<string, object> { ["email_verified"] = false }));

        landing.Should().Be(Landing.Me);
        var me = await MeAsync(browser);
        me!.UserType.Should().Be("external");
        var account = (await AccountsAsync()).Should().ContainSingle().Subject;
        account.Should().BeEquivalentTo(new { Id = me.UserId, Email = (string?)null, UserType = UserType.External, UserTypeSource = UserTypeSource.Assigned });
        account.UserName.Should().StartWith("federated-").And.NotContain("@");
        (await Users.FindByEmailAsync(Workspace, "ceo@softr.io")).Should().BeNull();
        (await LinkedAsync(TestIssuers.Generic, "mallory-1")).Should().Be(account.Id);
    }

    [Test]
    public async Task AnUnverifiedAddress_InAWorkspaceWithoutExternalUsers_IsRefused_AndNothingIsWritten()
    {
        await StartAsync(license: new WorkspaceLicense { ExternalUsers = false });
        var browser = NewBrowser();

        var landing = await SignInAsync(browser, Generic, new TestPerson("mallory-1", "ceo@softr.io", new Dictionary<string, object> { ["email_verified"] = false }));

        landing.Should().Be(Landing.Refused);
        (await MeAsync(browser)).Should().BeNull();
        (await AccountsAsync()).Should().BeEmpty();
        (await LinkedAsync(TestIssuers.Generic, "mallory-1")).Should().BeNull();
    }

    [Test]
    public async Task AVerifiedWorkAddress_FromAnIssuerNotBoundToItsDomain_IsExternal()
    {
        await StartAsync();
        await Workspaces.AddTrustedIssuerAsync(Workspace, UnboundIssuer.AbsoluteUri, IssuerKind.OpenIdConnect, allowProvisioning: true);
        var browser = NewBrowser();

        (await SignInAsync(browser, Unbound, Verified("eve-1", "eve@softr.io"))).Should().Be(Landing.Me);

        var me = await MeAsync(browser);
        me!.UserType.Should().Be("external");
        var account = (await AccountsAsync()).Should().ContainSingle().Subject;
        account.Should().BeEquivalentTo(new { Id = me.UserId, Email = (string?)null, UserType = UserType.External, UserTypeSource = UserTypeSource.Assigned }, "an address no authority vouched for is not kept");
        (await LinkedAsync(UnboundIssuer, "eve-1")).Should().Be(account.Id);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task AGoogleConsumerAccount_WithAWorkAddress_IsExternal_AndAWorkspaceAccountOfTheDomain_IsInternal(bool mapInboundClaims)
    {
        await StartAsync(mapInboundClaims);
        var consumer = NewBrowser();
        var workspaceAccount = NewBrowser();

        var consumerLanding = await SignInAsync(consumer, Google, Verified("g-1", "bob@softr.io"));
        var workspaceLanding = await SignInAsync(workspaceAccount, Google, new TestPerson("g-2", "dave@softr.io", new Dictionary<string, object> { ["email_verified"] = true, ["hd"] = "softr.io" }));

        (consumerLanding, workspaceLanding).Should().Be((Landing.Me, Landing.Me));
        var bob = await MeAsync(consumer);
        var dave = await MeAsync(workspaceAccount);
        (bob!.UserType, dave!.UserType).Should().Be(("external", "internal"));
        var accounts = await AccountsAsync();
        accounts.Should().HaveCount(2);
        accounts.Single(account => account.Id == bob.UserId).Should().BeEquivalentTo(new { Email = (string?)null, UserType = UserType.External, UserTypeSource = UserTypeSource.Assigned }, "a consumer account's address is not kept");
        accounts.Single(account => account.Id == dave.UserId).Should().BeEquivalentTo(new { Email = "dave@softr.io", UserType = UserType.Internal, UserTypeSource = UserTypeSource.Classified });
        (await LinkedAsync(TestIssuers.GoogleLike, "g-1")).Should().Be(bob.UserId);
        (await LinkedAsync(TestIssuers.GoogleLike, "g-2")).Should().Be(dave.UserId);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task AForeignEntraTenant_WithoutDomainOwnerVerification_IsExternalWithoutTheAddress_AndWithIt_Internal(bool mapInboundClaims)
    {
        await StartAsync(mapInboundClaims);
        var unverified = NewBrowser();
        var verified = NewBrowser();

        var unverifiedLanding = await SignInAsync(unverified, ForeignEntra, new TestPerson("ms-1", "carol@softr.io", new Dictionary<string, object> { ["tid"] = ForeignTenant }));
        var verifiedLanding = await SignInAsync(verified, ForeignEntra, new TestPerson("ms-2", "dan@softr.io", new Dictionary<string, object> { ["tid"] = ForeignTenant, ["xms_edov"] = true }));

        (unverifiedLanding, verifiedLanding).Should().Be((Landing.Me, Landing.Me));
        var carol = await MeAsync(unverified);
        var dan = await MeAsync(verified);
        (carol!.UserType, dan!.UserType).Should().Be(("external", "internal"));
        var accounts = await AccountsAsync();
        accounts.Should().HaveCount(2);
        accounts.Single(account => account.Id == carol.UserId).Should().BeEquivalentTo(new { Email = (string?)null, UserType = UserType.External, UserTypeSource = UserTypeSource.Assigned });
        accounts.Single(account => account.Id == dan.UserId).Should().BeEquivalentTo(new { Email = "dan@softr.io", UserType = UserType.Internal, UserTypeSource = UserTypeSource.Classified });
        (await Users.FindByEmailAsync(Workspace, "carol@softr.io")).Should().BeNull();
        (await LinkedAsync(ForeignEntraIssuer, "ms-1")).Should().Be(carol.UserId);
        (await LinkedAsync(ForeignEntraIssuer, "ms-2")).Should().Be(dan.UserId);
    }

    [Test]
    public async Task TheLookAlikeIssuer_IsRefused_AndNothingIsWritten()
    {
        await StartAsync();
        var browser = NewBrowser();

        var landing = await SignInAsync(browser, LookAlike, Verified("alice-1", "alice@softr.io"));

        landing.Should().Be(Landing.Refused);
        (await MeAsync(browser)).Should().BeNull();
        (await AccountsAsync()).Should().BeEmpty();
        (await LinkedAsync(TestIssuers.LookAlike, "alice-1")).Should().BeNull();
        (await LinkedAsync(TestIssuers.Generic, "alice-1")).Should().BeNull();
    }

    // The refusal must not lean on the cookie's session check, which a host may forget.
    [Test]
    public async Task ARefusedSignIn_SignsNothingIntoTheCookie_EvenWhereTheCookieSchemeChecksNoSessions()
    {
        await StartAsync(validateSessions: false);
        var browser = NewBrowser();

        var landing = await SignInAsync(browser, LookAlike, Verified("alice-1", "alice@softr.io"));

        landing.Should().Be(Landing.Refused);
        browser.Cookies.GetCookies(TestRelyingParty.BaseAddress).Should().NotContain(cookie => cookie.Name == CookieName);
        (await MeAsync(browser)).Should().BeNull();
    }

    [Test]
    public async Task OneAddress_FromASecondIssuer_IsSentToTheLinkPage_AndNothingIsWritten()
    {
        await StartAsync();
        var first = NewBrowser();
        var second = NewBrowser();
        (await SignInAsync(first, Generic, Verified("ann-1", "ann@softr.io"))).Should().Be(Landing.Me);
        var ann = await MeAsync(first);

        var landing = await SignInAsync(second, Google, new TestPerson("g-ann", "ann@softr.io", new Dictionary<string, object> { ["email_verified"] = true, ["hd"] = "softr.io" }));

        landing.Should().Be(Landing.LinkPage);
        (await PendingLinkAsync(second)).Should().Be(new PendingFederatedLink(Workspace, TestIssuers.GoogleLike.AbsoluteUri, "ann@softr.io"));
        (await MeAsync(second)).Should().BeNull();
        (await AccountsAsync()).Should().ContainSingle().Which.Id.Should().Be(ann!.UserId);
        (await LinkedAsync(TestIssuers.GoogleLike, "g-ann")).Should().BeNull();
    }

    [Test]
    public async Task AtTheLinkPage_ThePasswordOfTheAccountHoldingTheAddress_LinksTheIdentity_AndItsNextSignInGoesStraightIn()
    {
        await StartAsync();
        var ann = await Users.CreateInternalUserAsync(Workspace, "ann", "ann@softr.io", TestHost.Password);
        var browser = NewBrowser();
        (await SignInAsync(browser, Generic, Verified("ann-1", "ann@softr.io"))).Should().Be(Landing.LinkPage);
        (await LinkedAsync(TestIssuers.Generic, "ann-1")).Should().BeNull("nothing is linked before the password");

        using var linked = await LinkAsync(browser, "ann");

        linked.StatusCode.Should().Be(HttpStatusCode.OK);
        browser.History[^1].Uri.Should().Be(MeUri);
        (await MeAsync(browser)).Should().BeEquivalentTo(new { UserId = ann.Id, UserName = "ann", UserType = "internal" });
        (await LinkedAsync(TestIssuers.Generic, "ann-1")).Should().Be(ann.Id);
        (await PendingLinkAsync(browser)).Should().BeNull("the pending identity is used up");
        var later = NewBrowser();
        (await SignInAsync(later, Generic, Verified("ann-1", "ann@softr.io"))).Should().Be(Landing.Me);
        later.History.Should().NotContain(request => request.Uri.AbsolutePath == TestRelyingParty.LinkPath);
        (await MeAsync(later))!.UserId.Should().Be(ann.Id);
        (await AccountsAsync()).Should().ContainSingle();
    }

    [Test]
    public async Task AtTheLinkPage_ThePasswordOfAnotherAccount_LinksNothing_AndSignsNoOneIn()
    {
        await StartAsync();
        var ann = await Users.CreateInternalUserAsync(Workspace, "ann", "ann@softr.io", TestHost.Password);
        await Users.CreateInternalUserAsync(Workspace, "bob", "bob@softr.io", TestHost.Password);
        var browser = NewBrowser();
        (await SignInAsync(browser, Generic, Verified("ann-1", "ann@softr.io"))).Should().Be(Landing.LinkPage);

        using var refused = await LinkAsync(browser, "bob");

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await MeAsync(browser)).Should().BeNull();
        (await LinkedAsync(TestIssuers.Generic, "ann-1")).Should().BeNull();
        (await Store.ListIdentitiesAsync(Workspace, ann.Id, CancellationToken.None)).Should().BeEmpty();
        (await AccountsAsync()).Should().HaveCount(2);
        using var byTheOwner = await LinkAsync(browser, "ann");
        byTheOwner.StatusCode.Should().Be(HttpStatusCode.OK, "the identity still waits for the account that holds its address");
        (await LinkedAsync(TestIssuers.Generic, "ann-1")).Should().Be(ann.Id);
    }

    [Test]
    public async Task AChangedAddressClaim_KeepsTheIdentityOnItsAccount_AndANewTrustedAddressIsFollowed()
    {
        await StartAsync();
        var erin = await Users.CreateInternalUserAsync(Workspace, "erin", "erin@softr.io", TestHost.Password);
        (await SignInAsync(NewBrowser(), Generic, Verified("dana-1", "dana@softr.io"))).Should().Be(Landing.Me);
        var dana = (await AccountsAsync()).Single(account => account.Id != erin.Id).Id;

        var untrusted = await SignInAsync(NewBrowser(), Generic, new TestPerson("dana-1", "ceo@softr.io", new Dictionary<string, object> { ["email_verified"] = false }));
        var afterUntrusted = await Users.FindByIdAsync(Workspace, dana);
        var othersAddress = NewBrowser();
        var held = await SignInAsync(othersAddress, Generic, Verified("dana-1", "erin@softr.io"));
        var afterHeld = await Users.FindByIdAsync(Workspace, dana);
        var moved = NewBrowser();
        var trusted = await SignInAsync(moved, Generic, Verified("dana-1", "dana.new@softr.io"));

        (untrusted, held, trusted).Should().Be((Landing.Me, Landing.Me, Landing.Me));
        afterUntrusted!.Email.Should().Be("dana@softr.io", "an address nobody vouched for changes nothing");
        afterHeld!.Email.Should().Be("dana@softr.io", "another account's address is not taken");
        (await MeAsync(othersAddress))!.UserId.Should().Be(dana, "the identity reaches its own account, never the one holding the address");
        (await MeAsync(moved)).Should().BeEquivalentTo(new { UserId = dana, UserType = "internal" });
        (await Users.FindByIdAsync(Workspace, dana))!.Email.Should().Be("dana.new@softr.io");
        (await Users.FindByIdAsync(Workspace, erin.Id))!.Email.Should().Be("erin@softr.io");
        (await AccountsAsync()).Should().HaveCount(2);
        (await LinkedAsync(TestIssuers.Generic, "dana-1")).Should().Be(dana);
        (await Store.ListIdentitiesAsync(Workspace, erin.Id, CancellationToken.None)).Should().BeEmpty();
    }

    [Test]
    public async Task ADisabledAccount_IsRefused_AndItsSessionEnds()
    {
        await StartAsync();
        var before = NewBrowser();
        (await SignInAsync(before, Generic, Verified("fred-1", "fred@softr.io"))).Should().Be(Landing.Me);
        var fred = (await MeAsync(before))!.UserId;

        await Users.SetEnabledAsync(Workspace, fred, enabled: false);
        var after = NewBrowser();
        var landing = await SignInAsync(after, Generic, Verified("fred-1", "fred@softr.io"));

        landing.Should().Be(Landing.Refused);
        (await MeAsync(after)).Should().BeNull();
        (await MeAsync(before)).Should().BeNull("disabling ends the sessions it had");
        (await AccountsAsync()).Should().ContainSingle().Which.Enabled.Should().BeFalse();
        (await LinkedAsync(TestIssuers.Generic, "fred-1")).Should().Be(fred);
    }

    [Test]
    public async Task FortyFirstSignInsAtOnce_AgainstFiveInternalSeats_SignInExactlyFive()
    {
        const int People = 40;
        await StartAsync(license: new WorkspaceLicense { ExternalUsers = true, MaxInternalUsers = 5 });
        for (var i = 0; i < People; i++)
        {
            _providers[Generic].SignInAs($"person-{i}", Verified($"seat-{i}", $"person{i}@softr.io"));
        }

        var browsers = Enumerable.Range(0, People).Select(_ => NewBrowser()).ToList();

        var landings = await Task.WhenAll(browsers.Select((browser, i) => LandAsync(browser, TestRelyingParty.LoginUri(Generic, Workspace, $"person-{i}"))));

        landings.Count(landing => landing == Landing.Me).Should().Be(5);
        landings.Count(landing => landing == Landing.Refused).Should().Be(People - 5);
        var sessions = await Task.WhenAll(browsers.Select(MeAsync));
        var signedIn = sessions.OfType<Session>().ToList();
        signedIn.Should().HaveCount(5).And.OnlyContain(session => session.UserType == "internal");
        signedIn.Select(session => session.UserId).Should().OnlyHaveUniqueItems();
        var accounts = await AccountsAsync();
        accounts.Select(account => account.Id).Should().BeEquivalentTo(signedIn.Select(session => session.UserId));
        var links = await Task.WhenAll(Enumerable.Range(0, People).Select(i => LinkedAsync(TestIssuers.Generic, $"seat-{i}")));
        links.OfType<string>().Should().BeEquivalentTo(accounts.Select(account => account.Id));
    }

    [Test]
    public async Task AnAssignedExternalContact_LinkingAWorkIdentity_StaysExternal()
    {
        await StartAsync();
        await Users.CreateInternalUserAsync(Workspace, "admin", "admin@softr.io", TestHost.Password,
            new RightsGrant { FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers } });
        var admin = await App.Services.GetRequiredService<IAuthenticator>().AuthenticateAsync(Workspace, new PasswordCredentials("admin", TestHost.Password), ClientKind.WebApplication);
        var contact = await Users.CreateExternalUserAsync(admin, "person-7", "contact", "contact@softr.io", TestHost.Password);
        var browser = NewBrowser();
        (await SignInAsync(browser, Generic, Verified("contact-work", "contact@softr.io"))).Should().Be(Landing.LinkPage);

        using var linked = await LinkAsync(browser, "contact");

        linked.StatusCode.Should().Be(HttpStatusCode.OK);
        (await MeAsync(browser)).Should().BeEquivalentTo(new { UserId = contact.Id, UserType = "external" });
        var later = NewBrowser();
        (await SignInAsync(later, Generic, Verified("contact-work", "contact@softr.io"))).Should().Be(Landing.Me);
        (await MeAsync(later)).Should().BeEquivalentTo(new { UserId = contact.Id, UserType = "external" }, "the host assigned the type; the issuer's authority over softr.io does not re-type it");
        (await Users.FindByIdAsync(Workspace, contact.Id)).Should().BeEquivalentTo(new { UserType = UserType.External, UserTypeSource = UserTypeSource.Assigned, PersonId = "person-7" });
        (await LinkedAsync(TestIssuers.Generic, "contact-work")).Should().Be(contact.Id);
    }

    [Test]
    public async Task ACallbackThatNamesAnotherWorkspace_SignsInToTheWorkspaceTheSignInBeganWith()
    {
        await StartAsync();
        await ConfigureWorkspaceAsync(OtherWorkspace, new WorkspaceLicense { ExternalUsers = true });
        var browser = NewBrowser();
        var callback = TestRelyingParty.CallbackUri(Generic);
        browser.Tamper(callback, uri => TestBrowser.EditQuery(uri, query => query["workspace"] = OtherWorkspace));
        browser.TamperRequest(callback, request => request.Headers.Add("X-Workspace", OtherWorkspace));

        var landing = await SignInAsync(browser, Generic, Verified("gina-1", "gina@softr.io"));

        landing.Should().Be(Landing.Me);
        browser.History.Should().Contain(request => request.Method == HttpMethod.Post && request.Uri.Query == $"?workspace={OtherWorkspace}", "the callback was tampered with");
        var me = await MeAsync(browser);
        me!.WorkspaceId.Should().Be(Workspace);
        (await AccountsAsync()).Should().ContainSingle().Which.Id.Should().Be(me.UserId);
        (await LinkedAsync(TestIssuers.Generic, "gina-1")).Should().Be(me.UserId);
        (await AccountsAsync(OtherWorkspace)).Should().BeEmpty();
        (await LinkedAsync(TestIssuers.Generic, "gina-1", OtherWorkspace)).Should().BeNull();

        // The other workspace is no dead end: a sign-in that begins there ends there.
        var other = NewBrowser();
        (await SignInAsync(other, Generic, Verified("hal-1", "hal@softr.io"), OtherWorkspace)).Should().Be(Landing.Me);
        (await MeAsync(other))!.WorkspaceId.Should().Be(OtherWorkspace);
    }

    [TestCase("code_challenge")]
    [TestCase("redirect_uri")]
    public async Task ATamperedAuthorizationRequest_SignsNoOneIn(string parameter)
    {
        await StartAsync();
        var browser = NewBrowser();
        browser.Tamper(_providers[Generic].AuthorizationEndpoint, uri => TestBrowser.EditQuery(uri, query =>
        {
            if (parameter == "code_challenge")
            {
                query.Remove("code_challenge");
                query.Remove("code_challenge_method");
            }
            else
            {
                query["redirect_uri"] = "https://evil.example/signin-oidc-generic";
            }
        }));

        var landing = await SignInAsync(browser, Generic, Verified("alice-1", "alice@softr.io"));

        landing.Should().Be(Landing.RefusedByProvider);
        _providers[Generic].CodesIssued.Should().Be(0);
        (await MeAsync(browser)).Should().BeNull();
        (await AccountsAsync()).Should().BeEmpty();
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task AReplayedCallback_SignsNoOneInAgain(bool itsOwnCookies)
    {
        await StartAsync();
        var browser = NewBrowser();
        (await SignInAsync(browser, Generic, Verified("alice-1", "alice@softr.io"))).Should().Be(Landing.Me);
        var alice = (await MeAsync(browser))!.UserId;
        var callback = browser.History.Single(request => request.Uri == TestRelyingParty.CallbackUri(Generic));

        using var replay = await browser.ReplayAsync(callback, itsOwnCookies);

        replay.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        browser.History[^1].Uri.Should().Be(TestRelyingParty.CallbackUri(Generic));
        (await Store.FindSessionsAsync(Workspace, alice, CancellationToken.None)).Should().ContainSingle("the replay started no second session");
        (await AccountsAsync()).Should().ContainSingle();
        _providers[Generic].CodesIssued.Should().Be(1);
    }

    private static TestPerson Verified(string subject, string email) => new(subject, email, new Dictionary<string, object> { ["email_verified"] = true });

    private static async Task<Landing> LandAsync(TestBrowser browser, Uri uri)
    {
        using var response = await browser.NavigateAsync(uri);
        var at = browser.History[^1].Uri;
        return (response.StatusCode, at.AbsolutePath) switch
        {
            (HttpStatusCode.OK, TestRelyingParty.MePath) when at.Host == TestRelyingParty.BaseAddress.Host => Landing.Me,
            (HttpStatusCode.OK, TestRelyingParty.LinkPath) when at.Host == TestRelyingParty.BaseAddress.Host => Landing.LinkPage,
            (HttpStatusCode.BadRequest, _) when at.GetLeftPart(UriPartial.Path).StartsWith(new Uri(TestRelyingParty.BaseAddress, "/signin-oidc-").AbsoluteUri, StringComparison.Ordinal)
                && (await response.Content.ReadAsStringAsync()).StartsWith("Sign-in failed", StringComparison.Ordinal) => Landing.Refused,
            (HttpStatusCode.BadRequest, _) when at.AbsolutePath.EndsWith("/" + TestIdentityProvider.AuthorizationPath, StringComparison.Ordinal) => Landing.RefusedByProvider,
            _ => throw new InvalidOperationException($"The sign-in ended at {at} with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}"),
        };
    }

    /// <summary>Who the browser's cookie signs in as, read from /me; <see langword="null"/> on a 401.</summary>
    private static async Task<Session?> MeAsync(TestBrowser browser)
    {
        using var response = await browser.NavigateAsync(MeUri);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return null;
        }

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var claims = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // Only what UserTypes issued: the provider's claims must not survive into the session.
        var issued = claims.RootElement.EnumerateArray().Where(claim => claim.GetProperty("issuer").GetString() == AuthenticatedUser.ClaimsIssuer).ToList();
        issued.Should().HaveCount(claims.RootElement.GetArrayLength(), "the session carries UserTypes' claims only");
        string Claim(string type) => issued.Single(claim => claim.GetProperty("type").GetString() == type).GetProperty("value").GetString()!;
        Claim(UserTypesClaimTypes.SessionId).Should().NotBeEmpty();
        return new Session(Claim(ClaimTypes.NameIdentifier), Claim(ClaimTypes.Name), Claim(UserTypesClaimTypes.WorkspaceId), Claim(UserTypesClaimTypes.UserType));
    }

    private static async Task<PendingFederatedLink?> PendingLinkAsync(TestBrowser browser)
    {
        using var response = await browser.NavigateAsync(LinkUri);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : JsonSerializer.Deserialize<PendingFederatedLink>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web);
    }

    private static Task<HttpResponseMessage> LinkAsync(TestBrowser browser, string userName) =>
        browser.PostAsync(LinkUri, KeyValuePair.Create("user", userName), KeyValuePair.Create("password", TestHost.Password));

    private async Task StartAsync(bool mapInboundClaims = true, WorkspaceLicense? license = null, bool validateSessions = true)
    {
        foreach (var (scheme, issuer) in Providers)
        {
            _providers[scheme] = await TestIdentityProvider.StartAsync(issuer);
        }

        _app = await TestRelyingParty.StartAsync(options =>
        {
            foreach (var (scheme, provider) in _providers)
            {
                options.AddProvider(scheme, provider);
            }

            options.MapInboundClaims = mapInboundClaims;
            options.OnTicketReceived = context => context.SignInFederatedUserAsync(TestRelyingParty.LinkPath);
            if (validateSessions)
            {
                options.ConfigureCookie = cookie => cookie.UseUserTypesValidation();
            }

            options.ConfigureServices = TestRelyingParty.AddInMemoryUserTypes;
        });
        await ConfigureWorkspaceAsync(Workspace, license ?? new WorkspaceLicense { ExternalUsers = true });
    }

    // softr.io is internal (the owner's domain). The generic issuer speaks for it; Google and Entra speak as their claims say.
    private async Task ConfigureWorkspaceAsync(string workspace, WorkspaceLicense license)
    {
        await Workspaces.CreateAsync(workspace, "owner@softr.io");
        await Workspaces.SetLicenseAsync(workspace, license);
        await Workspaces.AddTrustedIssuerAsync(workspace, TestIssuers.Generic.AbsoluteUri, IssuerKind.OpenIdConnect, allowProvisioning: true);
        await Workspaces.BindIssuerDomainAsync(workspace, TestIssuers.Generic.AbsoluteUri, "softr.io");
        await Workspaces.AddTrustedIssuerAsync(workspace, TestIssuers.GoogleLike.AbsoluteUri, IssuerKind.Google, allowProvisioning: true);
        await Workspaces.AddTrustedIssuerAsync(workspace, EntraTemplate, IssuerKind.MicrosoftEntraMultiTenant, allowProvisioning: true);
    }

    private TestBrowser NewBrowser()
    {
        var browser = new TestBrowser([App.Server, .. _providers.Values.Select(provider => provider.Server)]);
        _browsers.Add(browser);
        return browser;
    }

    private Task<Landing> SignInAsync(TestBrowser browser, string scheme, TestPerson person, string workspace = Workspace)
    {
        _providers[scheme].SignInAs(person);
        return LandAsync(browser, TestRelyingParty.LoginUri(scheme, workspace));
    }

    private async Task<IReadOnlyList<UserAccount>> AccountsAsync(string workspace = Workspace) =>
        [.. (await Store.ListAsync(workspace, new UserListFilter { Limit = 1000 }, CancellationToken.None)).Select(user => user.Account)];

    private Task<string?> LinkedAsync(Uri issuer, string subject, string workspace = Workspace) =>
        Store.FindIdentityAsync(workspace, issuer.AbsoluteUri, subject, CancellationToken.None);

    private sealed record Session(string UserId, string UserName, string WorkspaceId, string UserType);
}
