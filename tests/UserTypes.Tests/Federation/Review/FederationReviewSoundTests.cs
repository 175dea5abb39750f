using UserTypes.Tests.Federation.Harness;
using UserTypes.Tests.Stores;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;

namespace UserTypes.Tests.Federation.Review;

/// <summary>
/// Security review of federated sign-in: attacks tried that the implementation withstands (these pass). Kept as
/// evidence for the review report's "checked and sound" list.
/// </summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class FederationReviewSoundTests(StoreKind store) : FederationFixture(store)
{
    // Look-alikes are tried against a domain bound with its subdomains, the most a binding covers.
    [SetUp]
    public Task BindSubdomainsAsync() => Host.Workspaces.BindIssuerDomainAsync(WorkspaceId, Generic, "softr.io", includeSubdomains: true);

    // Look-alike and suffix tricks on a domain bound with its subdomains: only real subdomains are covered.
    [TestCase("a@evilsoftr.io")]
    [TestCase("a@softr.io.evil.example")]
    [TestCase("a@s\u043Eftr.io")] // Cyrillic o
    [TestCase("a@softr\u3002io")] // ideographic full stop
    [TestCase("a@softr.io\u200B")] // zero width space
    public async Task ALookAlikeOfABoundDomain_IsNoDomainAuthority(string email)
    {
        var result = await Federated.SignInAsync(WorkspaceId, Identity(Generic, "s-" + email.GetHashCode(), email, ("email_verified", "true")), ClientKind.WebApplication);

        result.Trust.Should().NotBe(AddressTrust.DomainAuthority);
        result.User!.UserType.Should().Be(UserType.External);
    }

    [TestCase("1")]
    [TestCase("yes")]
    [TestCase(" true")]
    [TestCase("true ")]
    [TestCase("")]
    public async Task AnythingButTrue_IsNotVerified(string verified)
    {
        var result = await Federated.SignInAsync(WorkspaceId, Identity(Generic, "v-" + verified.Length, "x@softr.io", ("email_verified", verified)), ClientKind.WebApplication);

        result.Trust.Should().Be(AddressTrust.None);
    }

    // Google's hd must name the address's own domain, canonically; no trailing dot, no look-alike, no parent domain.
    [TestCase("softr.io.")]
    [TestCase("s\u043Eftr.io")]
    [TestCase("io")]
    [TestCase("mail.softr.io")]
    public async Task AGoogleHostedDomain_ThatIsNotTheAddresssDomain_IsNoDomainAuthority(string hd)
    {
        var result = await Federated.SignInAsync(WorkspaceId, Identity(Google, "g-" + hd.Length + hd[0], "x@softr.io", ("email_verified", "true"), ("hd", hd)), ClientKind.WebApplication);

        result.Trust.Should().Be(AddressTrust.VerifiedMailbox);
        result.User!.UserType.Should().Be(UserType.External);
    }

    // The template expands to a tenant only with a GUID: path characters, another tenant's id, or the literal
    // template cannot reach another issuer's trust.
    [TestCase("https://login.entra.example/x/../" + TenantA + "/v2.0", "x/../" + TenantA)]
    [TestCase("https://login.entra.example/" + TenantA + "/v2.0/", TenantA)]
    [TestCase("https://login.entra.example/" + TenantA + "/v2.0", "{" + TenantA + "}")]
    [TestCase("https://login.entra.example/" + TenantA + "/v2.0", TenantA + "/")]
    public async Task AnEntraTenantTrick_IsUntrusted(string issuer, string tid)
    {
        var call = () => Federated.SignInAsync(WorkspaceId, Identity(issuer, "e-1", "x@softr.io", ("tid", tid), ("xms_edov", "true")), ClientKind.WebApplication);

        (await call.Should().ThrowAsync<AuthenticationFailedException>()).Which.Reason.Should().Be(AuthenticationFailureReason.UntrustedIssuer);
    }

    // Claims the host or another handler added (any issuer but the token's) never speak for the token.
    [Test]
    public async Task ClaimsFromAnotherIssuer_InTheTicket_AreIgnored()
    {
        await using var provider = await FederatedServices.BuildAsync("acme", Generic, boundDomain: "softr.io", externalUsersLicensed: true);
        var fromToken = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "m-1", ClaimValueTypes.String, Generic),
                new Claim(ClaimTypes.Email, "ceo@softr.io", ClaimValueTypes.String, Generic),
                new Claim("email_verified", "false", ClaimValueTypes.Boolean, Generic),
            ],
            "AuthenticationTypes.Federation");

        // Added by the host (LOCAL AUTHORITY), or by a userinfo claim action (the scheme's name).
        fromToken.AddClaim(new Claim("email_verified", "true"));
        fromToken.AddClaim(new Claim("email_verified", "true", ClaimValueTypes.Boolean, "generic"));
        var properties = new AuthenticationProperties();
        properties.Items[UserTypesFederatedHttpContextExtensions.WorkspaceItem] = "acme";
        var context = new TicketReceivedContext(
            new DefaultHttpContext { RequestServices = provider },
            new AuthenticationScheme("generic", null, typeof(OpenIdConnectHandler)),
            new OpenIdConnectOptions(),
            new AuthenticationTicket(new ClaimsPrincipal(fromToken), properties, "generic"));

        await context.SignInFederatedUserAsync("/link");

        var userName = context.Principal!.FindFirst(ClaimTypes.Name)!.Value;
        userName.Should().StartWith("federated-", "the address was not verified by the token itself");
        context.Principal!.FindFirst(UserTypesClaimTypes.UserType)!.Value.Should().Be("external");
    }

    [TestCase("//evil.example/")]
    [TestCase("/\\evil.example/")]
    [TestCase("https://evil.example/")]
    [TestCase("/\t/evil.example/")]
    [TestCase("evil.example")]
    public void ANonLocalReturnOrLinkPath_IsRefused(string path)
    {
        var http = new DefaultHttpContext();
        var challenge = () => http.ChallengeFederatedAsync("generic", "acme", path);

        challenge.Should().ThrowAsync<ArgumentException>().GetAwaiter().GetResult();
    }
}
