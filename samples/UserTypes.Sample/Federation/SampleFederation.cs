using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace UserTypes.Sample.Federation;

/// <summary>
/// One OpenID Connect scheme per provider: the code flow with PKCE, the answer posted back (form_post), the validated
/// ticket signed in to the workspace by UserTypes, and the session kept in the sample's cookie.
/// </summary>
internal static class SampleFederation
{
    public static IServiceCollection AddSampleFederation(this IServiceCollection services, SignInProviders providers)
    {
        services.AddSingleton(providers);

        // The link page is a form: its token pairs with a cookie that is Secure whenever the page is served over HTTPS.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        var authentication = services.AddAuthentication();
        foreach (var (name, provider) in providers.Configured)
        {
            authentication.AddOpenIdConnect(name, options =>
            {
                UseSampleFlow(options, name);
                options.Authority = provider.Authority;
                options.ClientId = provider.ClientId;
                options.ClientSecret = provider.ClientSecret;
                if (provider.Kind == IssuerKind.MicrosoftEntraMultiTenant && provider.IssuerToTrust.Contains(EntraTenantIssuer.Placeholder, StringComparison.Ordinal))
                {
                    options.TokenValidationParameters.IssuerValidator = EntraTenantIssuer.For(provider.IssuerToTrust);
                }
            });
        }

        return services;
    }

    /// <summary>What every provider's scheme shares, the demo provider's included.</summary>
    public static void UseSampleFlow(OpenIdConnectOptions options, string scheme)
    {
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.ResponseMode = OpenIdConnectResponseMode.FormPost;
        options.UsePkce = true;
        options.Scope.Add(OpenIdConnectScope.Email);

        // Each scheme answers on paths of its own; these are the redirect URIs to register with the provider.
        options.CallbackPath = $"/signin-oidc-{scheme}";
        options.SignedOutCallbackPath = $"/signout-callback-oidc-{scheme}";
        options.RemoteSignOutPath = $"/signout-oidc-{scheme}";
        options.Events.OnTicketReceived = context => context.SignInFederatedUserAsync(FederationEndpoints.LinkPath);

        // The reason (an untrusted issuer, no seat, a forged state) is in the log; the person learns only that it failed.
        options.Events.OnRemoteFailure = context =>
        {
            context.HandleResponse();
            context.Response.Redirect(FederationEndpoints.RefusedPath);
            return Task.CompletedTask;
        };
    }
}
