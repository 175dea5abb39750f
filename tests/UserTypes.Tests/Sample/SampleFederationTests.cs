using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using UserTypes.Sample.Demo;
using UserTypes.Sample.DemoProvider;
using UserTypes.Sample.Federation;

namespace UserTypes.Tests.Sample;

/// <summary>
/// Federated sign-in through the sample: in a browser against the real process and its demo identity provider, every
/// redirect, form and form_post over HTTP; and in memory, what a host configures, and what a production host leaves out.
/// </summary>
public sealed class SampleFederationTests
{
    private const string Tenant = "9188040d-6c67-4c5b-b112-36a304b66dad";

    [Test]
    [CancelAfter(120_000)]
    public async Task TheDemoProvider_ProvisionsByTrust_AndAnAddressAnAccountHolds_IsLinkedByItsPassword_ThenSignsInDirectly(CancellationToken cancellationToken)
    {
        await using var sample = await SampleProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                [DemoIdentityProvider.Setting.Replace(":", "__", StringComparison.Ordinal)] = "true",
                ["Sample__CredentialRequestsPerMinute"] = "3",
            },
            cancellationToken);
        var root = sample.Address.AbsoluteUri.TrimEnd('/');
        sample.Output.Should().Contain(line => line.Contains($"{root}/federation/login?workspace={DemoWorkspace.Id}", StringComparison.Ordinal), "the banner prints the login page");

        // A verified address at the domain the provider speaks for: a new internal account, named by its address.
        using (var browser = new SampleBrowser())
        {
            var provisioned = await SignInAsync(browser, sample, "someone@acme.example", verified: true, cancellationToken);
            provisioned.Uri.AbsolutePath.Should().Be(FederationEndpoints.DonePath, provisioned.Html);
            provisioned.TextOf("user-name").Should().Be("someone@acme.example");
            provisioned.TextOf("user-type").Should().Be(nameof(UserType.Internal));
        }

        // The same domain unverified: the provider's word is worth nothing, so an external account without the address.
        using (var browser = new SampleBrowser())
        {
            var external = await SignInAsync(browser, sample, "nobody@acme.example", verified: false, cancellationToken);
            external.TextOf("user-type").Should().Be(nameof(UserType.External));
            external.TextOf("user-name").Should().StartWith("federated-");
        }

        // The admin's address: an account holds it, so nothing is written and the link page asks for that account.
        using (var browser = new SampleBrowser())
        {
            var link = await SignInAsync(browser, sample, DemoWorkspace.AdminEmail, verified: true, cancellationToken);
            link.Uri.AbsolutePath.Should().Be(FederationEndpoints.LinkPath, link.Html);
            link.TextOf("email").Should().Be(DemoWorkspace.AdminEmail);
            link.TextOf("issuer").Should().Be($"{root}{DemoIdentityProvider.PathBase}");

            // The partner's right password opens the partner's account, which does not hold the address: nothing linked.
            var wrongAccount = await browser.SubmitAsync(link, Credentials(DemoWorkspace.PartnerUserName, DemoWorkspace.PartnerPassword), cancellationToken);
            wrongAccount.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            wrongAccount.TextOf("message").Should().StartWith("Nothing was linked");
            var wrongPassword = await browser.SubmitAsync(wrongAccount, Credentials(DemoWorkspace.AdminUserName, "not the password"), cancellationToken);
            wrongPassword.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            wrongPassword.TextOf("message").Should().Be(AuthenticationFailedException.GenericMessage);
            (await browser.OpenAsync(new Uri(sample.Address, FederationEndpoints.DonePath), cancellationToken)).TextOf("user-name").Should().BeNull("nobody is signed in yet");

            var linked = await browser.SubmitAsync(wrongPassword, Credentials(DemoWorkspace.AdminUserName, DemoWorkspace.AdminPassword), cancellationToken);
            linked.Uri.AbsolutePath.Should().Be(FederationEndpoints.DonePath, linked.Html);
            linked.TextOf("user-name").Should().Be(DemoWorkspace.AdminUserName);
            linked.TextOf("user-type").Should().Be(nameof(UserType.Internal));
            (await browser.OpenAsync(new Uri(sample.Address, FederationEndpoints.LinkPath), cancellationToken)).TextOf("email").Should().BeNull("the pending identity is used up");

            // The link form takes a password: its posts count against the client's credential limit, three here.
            var fourth = await browser.SubmitAsync(wrongPassword, Credentials(DemoWorkspace.AdminUserName, "another guess"), cancellationToken);
            fourth.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        }

        // Linked: the identity now signs in to the admin's account directly, from a browser that never saw the link.
        using (var browser = new SampleBrowser())
        {
            var direct = await SignInAsync(browser, sample, DemoWorkspace.AdminEmail, verified: true, cancellationToken);
            direct.Uri.AbsolutePath.Should().Be(FederationEndpoints.DonePath, direct.Html);
            direct.TextOf("user-name").Should().Be(DemoWorkspace.AdminUserName);
        }
    }

    [Test]
    public async Task InProduction_WithNoProviderConfigured_TheLoginPageListsNone_AndNoStandInProviderAnswers()
    {
        // The host's own default for Production, as deployed: no demo provider.
        await using var factory = new SampleFactory("Production", demoIdentityProvider: null);
        var client = factory.CreateClient();

        var login = await client.GetAsync($"{FederationEndpoints.LoginPath}?workspace={DemoWorkspace.Id}");
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = new SamplePage(login.RequestMessage!.RequestUri!, login.StatusCode, await login.Content.ReadAsStringAsync());
        page.Links().Should().BeEmpty();
        page.Html.Should().Contain("No provider is configured");

        string[] standIn =
        [
            $"{DemoIdentityProvider.PathBase}/.well-known/openid-configuration",
            $"{DemoIdentityProvider.PathBase}/.well-known/jwks",
            $"{DemoIdentityProvider.AuthorizationPath}?client_id={DemoClient.Id}&response_type=code&scope=openid",
            $"/federation/challenge/{DemoIdentityProvider.Scheme}?workspace={DemoWorkspace.Id}",
        ];
        foreach (var path in standIn)
        {
            (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound, path);
        }

        (await client.PostAsync($"{DemoIdentityProvider.PathBase}/connect/token", new FormUrlEncodedContent([])))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.PostAsync(DemoIdentityProvider.CallbackPath, new FormUrlEncodedContent([])))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ConfiguredProviders_AreListed_AndTheDemoWorkspaceTrustsThem_AsConfigured()
    {
        await using var sample = new SampleFactory("Production");
        await using var factory = sample.WithWebHostBuilder(builder =>
        {
            builder.UseSetting($"{SignInProviders.Section}:google:Authority", "https://accounts.google.com");
            builder.UseSetting($"{SignInProviders.Section}:google:ClientId", "google-client");
            builder.UseSetting($"{SignInProviders.Section}:google:Kind", "Google");
            builder.UseSetting($"{SignInProviders.Section}:google:AllowProvisioning", "true");
            builder.UseSetting($"{SignInProviders.Section}:entra:Authority", "https://login.microsoftonline.com/organizations/v2.0");
            builder.UseSetting($"{SignInProviders.Section}:entra:ClientId", "entra-client");
            builder.UseSetting($"{SignInProviders.Section}:entra:Kind", "MicrosoftEntraMultiTenant");
            builder.UseSetting($"{SignInProviders.Section}:entra:Issuer", "https://login.microsoftonline.com/{tenantid}/v2.0");
            builder.UseSetting($"{SignInProviders.Section}:okta:Authority", "https://acme.okta.example");
            builder.UseSetting($"{SignInProviders.Section}:okta:ClientId", "okta-client");
            builder.UseSetting($"{SignInProviders.Section}:okta:BoundDomains:0", DemoWorkspace.InternalDomain);
        });
        var login = await factory.CreateClient().GetAsync($"{FederationEndpoints.LoginPath}?workspace={DemoWorkspace.Id}");
        var page = new SamplePage(login.RequestMessage!.RequestUri!, login.StatusCode, await login.Content.ReadAsStringAsync());

        page.Links().Should().BeEquivalentTo(["google", "entra", "okta"]);
        page.LinkTo("entra").PathAndQuery.Should().Be($"/federation/challenge/entra?workspace={DemoWorkspace.Id}");
        var workspace = await factory.Services.GetRequiredService<IWorkspaceDirectory>().FindAsync(DemoWorkspace.Id);
        workspace!.TrustedIssuers.Should().BeEquivalentTo(
        [
            new TrustedIssuer("https://accounts.google.com", IssuerKind.Google, AllowProvisioning: true),
            new TrustedIssuer("https://login.microsoftonline.com/{tenantid}/v2.0", IssuerKind.MicrosoftEntraMultiTenant, AllowProvisioning: false),
            new TrustedIssuer("https://acme.okta.example", IssuerKind.OpenIdConnect, AllowProvisioning: false) { BoundDomains = [new SignupDomain(DemoWorkspace.InternalDomain, false)] },
        ]);
    }

    [Test]
    public async Task AProviderMissingWhatItNeeds_StopsTheHostAtStart_NamingIt()
    {
        await using var sample = new SampleFactory("Production");
        await using var factory = sample.WithWebHostBuilder(builder =>
        {
            builder.UseSetting($"{SignInProviders.Section}:entra:Authority", "https://login.microsoftonline.com/organizations/v2.0");
            builder.UseSetting($"{SignInProviders.Section}:entra:ClientId", "entra-client");
            builder.UseSetting($"{SignInProviders.Section}:entra:Kind", "MicrosoftEntraMultiTenant");
        });

        var start = () => factory.CreateClient();
        start.Should().Throw<InvalidOperationException>().WithMessage($"{SignInProviders.Section}:entra: *Issuer*");
    }

    [Test]
    public void AnEntraMultiTenantToken_PassesTheIssuerCheck_OnlyWithItsOwnTenantsIssuer()
    {
        var validate = EntraTenantIssuer.For("https://login.microsoftonline.com/{tenantid}/v2.0");
        var ownIssuer = $"https://login.microsoftonline.com/{Tenant}/v2.0";
        SecurityToken Token(string? tenant) => new JsonWebToken(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = tenant is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["tid"] = tenant },
        }));

        validate(ownIssuer, Token(Tenant), new TokenValidationParameters()).Should().Be(ownIssuer);
        foreach (var (issuer, tenant) in new (string, string?)[]
        {
            ("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0", Tenant),
            (ownIssuer, null),
            ("https://login.microsoftonline.com/common/v2.0", "common"),
            ("https://login.microsoftonline.com/{tenantid}/v2.0", Tenant),
        })
        {
            var check = () => validate(issuer, Token(tenant), new TokenValidationParameters());
            check.Should().Throw<SecurityTokenInvalidIssuerException>(issuer);
        }
    }

    private static Dictionary<string, string> Credentials(string userName, string password) => new() { ["userName"] = userName, ["password"] = password };

    // The login page, the provider's link on it, and the provider's page filled in as a person does.
    private static async Task<SamplePage> SignInAsync(SampleBrowser browser, SampleProcess sample, string email, bool verified, CancellationToken cancellationToken)
    {
        var login = await browser.OpenAsync(new Uri(sample.Address, $"{FederationEndpoints.LoginPath}?workspace={DemoWorkspace.Id}"), cancellationToken);
        var provider = await browser.OpenAsync(login.LinkTo(DemoIdentityProvider.DisplayName), cancellationToken);
        provider.Uri.AbsolutePath.Should().Be(DemoIdentityProvider.AuthorizationPath, provider.Html);
        provider.Html.Should().Contain("Demo identity provider — a stand-in for Google or Entra, for local development only");
        var fields = new Dictionary<string, string> { [DemoSignInPage.EmailField] = email };
        if (verified)
        {
            fields[DemoSignInPage.VerifiedField] = "true";
        }

        return await browser.SubmitAsync(provider, fields, cancellationToken);
    }
}
