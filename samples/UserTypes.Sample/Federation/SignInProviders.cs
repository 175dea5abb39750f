using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using UserTypes.AspNetCore;
using UserTypes.Sample.DemoProvider;
using UserTypes.Sample.Hosting;

namespace UserTypes.Sample.Federation;

/// <summary>
/// The providers the sample signs in with: those of <c>Federation:Providers</c>, checked at start-up so that a typo
/// stops the host with a message rather than failing the first sign-in, then the demo provider when it runs.
/// </summary>
internal sealed partial class SignInProviders
{
    public const string Section = "Federation:Providers";

    // The schemes the sample registers itself; case-insensitive, as configuration keys and the callback paths are.
    private static readonly string[] Reserved =
    [
        DemoIdentityProvider.Scheme,
        CookieAuthenticationDefaults.AuthenticationScheme,
        UserTypesAuthenticationDefaults.AuthenticationScheme,
        SampleAuthentication.Scheme,
    ];

    private SignInProviders(IReadOnlyDictionary<string, FederationProvider> configured, bool demoProvider)
    {
        Configured = configured;
        var all = configured.Keys.Select(name => new SignInProvider(name, name)).ToList();
        if (demoProvider)
        {
            all.Add(new SignInProvider(DemoIdentityProvider.Scheme, DemoIdentityProvider.DisplayName));
        }

        All = all;
    }

    /// <summary>The providers of <c>Federation:Providers</c> by name.</summary>
    public IReadOnlyDictionary<string, FederationProvider> Configured { get; }

    /// <summary>Every provider, in the order the login page lists them.</summary>
    public IReadOnlyList<SignInProvider> All { get; }

    public bool Offers(string scheme) => All.Any(provider => provider.Scheme == scheme);

    /// <exception cref="InvalidOperationException">A provider's settings are incomplete or malformed.</exception>
    public static SignInProviders Read(IConfiguration configuration, bool demoProvider)
    {
        var configured = new Dictionary<string, FederationProvider>(StringComparer.Ordinal);
        foreach (var section in configuration.GetSection(Section).GetChildren())
        {
            var provider = section.Get<FederationProvider>() ?? new FederationProvider();
            if (Problem(section.Key, provider) is { } problem)
            {
                throw new InvalidOperationException($"{Section}:{section.Key}: {problem}");
            }

            configured.Add(section.Key, provider);
        }

        return new SignInProviders(configured, demoProvider);
    }

    private static string? Problem(string name, FederationProvider provider)
    {
        if (!SchemeName().IsMatch(name) || Reserved.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return $"the name becomes a scheme and the path /signin-oidc-{name}: use letters, digits, '-' and '_', and none of {string.Join(", ", Reserved)}.";
        }

        if (!Uri.TryCreate(provider.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
        {
            return "Authority must be the provider's https URL, such as https://accounts.google.com.";
        }

        if (string.IsNullOrWhiteSpace(provider.ClientId))
        {
            return "ClientId is missing: the id the provider gave this application.";
        }

        if (!Enum.IsDefined(provider.Kind))
        {
            return "Kind must be OpenIdConnect, Google or MicrosoftEntraMultiTenant.";
        }

        if (provider.Kind == IssuerKind.MicrosoftEntraMultiTenant && string.IsNullOrEmpty(provider.Issuer))
        {
            return "an Entra multi-tenant provider names its Issuer, such as https://login.microsoftonline.com/{tenantid}/v2.0; its authority is no token's issuer.";
        }

        return provider.BoundDomains.Length > 0 && provider.Kind != IssuerKind.OpenIdConnect
            ? $"BoundDomains are for OpenIdConnect providers: a {provider.Kind} token names the domain it speaks for itself."
            : null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex SchemeName();
}
