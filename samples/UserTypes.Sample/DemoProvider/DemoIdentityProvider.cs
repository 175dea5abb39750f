using System.Net.Mail;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using UserTypes.Sample.Federation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace UserTypes.Sample.DemoProvider;

/// <summary>
/// An OpenID provider inside the sample, so that federated sign-in can be tried offline: OpenIddict's server under
/// <see cref="PathBase"/> (code flow with PKCE only), and the <see cref="Scheme"/> OpenID Connect scheme that signs in
/// with it exactly as with Google or Entra, through discovery, the key set and the token endpoint. Its page signs in
/// whoever is typed: on only in Development unless <see cref="Setting"/> says otherwise, and only on a loopback address.
/// </summary>
/// <remarks>
/// OpenIddict runs in degraded mode, without its stores, so the checks those stores would make are made here
/// (<see cref="DemoAuthorizationRequestCheck"/>, <see cref="DemoTokenRequestCheck"/>).
/// </remarks>
internal static class DemoIdentityProvider
{
    public const string Setting = "Sample:DemoIdentityProvider";
    public const string Scheme = "demo";
    public const string DisplayName = "Demo identity provider (development only)";
    public const string PathBase = "/demo-idp";
    public const string AuthorizationPath = PathBase + "/connect/authorize";
    public const string CallbackPath = "/signin-oidc-" + Scheme;

    public static IServiceCollection AddDemoIdentityProvider(this IServiceCollection services)
    {
        services.AddSingleton<DemoIdentityProviderSite>();
        services.AddSingleton<DemoClient>();
        services.AddOpenIddict().AddServer(options =>
        {
            // Relative to the request's base, so below the sample's own address whatever its port.
            options.SetAuthorizationEndpointUris(AuthorizationPath.TrimStart('/'))
                .SetTokenEndpointUris($"{PathBase.TrimStart('/')}/connect/token")
                .SetConfigurationEndpointUris($"{PathBase.TrimStart('/')}/.well-known/openid-configuration")
                .SetJsonWebKeySetEndpointUris($"{PathBase.TrimStart('/')}/.well-known/jwks")
                .AllowAuthorizationCodeFlow()
                .RequireProofKeyForCodeExchange()
                .RegisterScopes(Scopes.Email, Scopes.Profile)

                // Keys made at start and kept in memory. OpenIddict's default ephemeral keys are RSA, whose 4096-bit
                // signing key takes seconds to make; a P-256 key signs the ID tokens (ES256) and an AES key encrypts
                // the codes, which only the provider reads.
                .AddEphemeralEncryptionKey(SecurityAlgorithms.Aes256KW)
                .AddEphemeralSigningKey(SecurityAlgorithms.EcdsaSha256)
                .EnableDegradedMode();
            options.UseAspNetCore().EnableAuthorizationEndpointPassthrough();

            // OpenIddict also offers "plain", which protects nothing once the authorization request is seen; the
            // providers this one stands for take S256.
            options.Configure(server => server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler
                .UseSingletonHandler<DemoAuthorizationRequestCheck>()
                .SetOrder(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor.Order));

            // After every built-in check of the code (presenter, redirect_uri, code_verifier), so that only a code that
            // would otherwise be accepted counts as redeemed.
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler
                .UseSingletonHandler<DemoTokenRequestCheck>()
                .SetOrder(OpenIddictServerHandlers.Exchange.ValidateCodeVerifier.Descriptor.Order + 500));
        });

        // The issuer names the port, so it is set when the options are first read: at the first request.
        services.AddOptions<OpenIddictServerOptions>().Configure<DemoIdentityProviderSite>((options, site) => options.Issuer = site.Issuer);

        // OpenIddict refuses plain http; the site allows it on a loopback host only.
        services.AddOptions<OpenIddictServerAspNetCoreOptions>().Configure<DemoIdentityProviderSite>((options, site) => options.DisableTransportSecurityRequirement = site.IsHttp);

        services.AddAuthentication().AddOpenIdConnect(Scheme, DisplayName, options => SampleFederation.UseSampleFlow(options, Scheme));
        services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<DemoIdentityProviderSite, DemoClient>((options, site, client) =>
        {
            options.Authority = site.Issuer.AbsoluteUri;
            options.ClientId = DemoClient.Id;
            options.ClientSecret = client.Secret;
            if (site.IsHttp)
            {
                // Development over http on this machine (the site refuses any other host): the discovery document is
                // read over http, and the correlation and nonce cookies, by default Secure and SameSite=None (which a
                // browser takes only with Secure), are set without Secure and Lax. Lax still sends them back with the
                // provider's form_post, which comes from this very origin.
                options.RequireHttpsMetadata = false;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
            }
        });
        return services;
    }

    /// <summary>The sign-in page; OpenIddict has checked the authorization request (client, redirect URI, PKCE) before it runs.</summary>
    public static IEndpointRouteBuilder MapDemoIdentityProvider(this IEndpointRouteBuilder app)
    {
        app.MapGet(AuthorizationPath, (HttpContext context, IAntiforgery antiforgery) => DemoSignInPage.For(RequestOf(context), antiforgery.GetAndStoreTokens(context)));
        app.MapPost(AuthorizationPath, SignIn);
        return app;
    }

    private static IResult SignIn(
        HttpContext context,
        IAntiforgery antiforgery,
        [FromForm(Name = DemoSignInPage.EmailField)] string? email,
        [FromForm(Name = DemoSignInPage.VerifiedField)] bool? verified)
    {
        var request = RequestOf(context);
        var address = email?.Trim();
        if (address is null || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            return DemoSignInPage.For(request, antiforgery.GetAndStoreTokens(context), "Type an e-mail address, such as someone@acme.example.");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, SubjectOf(address));
        identity.SetClaim(Claims.Email, address);
        identity.AddClaim(Claims.EmailVerified, verified == true);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(static _ => [Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static OpenIddictRequest RequestOf(HttpContext context) =>
        context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The authorization request reached the page without OpenIddict.");

    // Stable, as a real provider's subject is for its account: the same address is the same person at every sign-in
    // and every run, whatever its case.
    private static string SubjectOf(string address) =>
        "demo-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.ToLowerInvariant())).AsSpan(0, 16));
}
