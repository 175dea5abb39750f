using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace UserTypes.Tests.Federation.Harness;

/// <summary>
/// An OpenID provider in memory: OpenIddict's server on a <see cref="TestServer"/> whose base address is the issuer.
/// It serves discovery, the key set, the authorization endpoint (which signs in <see cref="SignInAs(TestPerson)"/>'s
/// person at once, with no login page, or the person its <c>login_hint</c> names) and the token endpoint, for the
/// authorization code flow with PKCE only.
/// </summary>
/// <remarks>
/// OpenIddict runs in degraded mode, without its stores, so the checks those stores would make are made here: the
/// client_id and the exact redirect_uri at the authorization endpoint, the client secret at the token endpoint, and
/// that a code is redeemed once (degraded mode turns token storage off, so OpenIddict alone would take a code again).
/// </remarks>
internal sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string AuthorizationPath = "connect/authorize";

    public const string TokenPath = "connect/token";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TestClient> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _redeemedCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TestPerson> _people = new(StringComparer.Ordinal);
    private volatile TestPerson? _person;
    private int _codesIssued;

    private TestIdentityProvider(Uri issuer)
    {
        if (issuer.Scheme != Uri.UriSchemeHttps || issuer.Query.Length > 0 || issuer.Fragment.Length > 0)
        {
            throw new ArgumentException($"An issuer is an https:// URL without query or fragment, not {issuer}.", nameof(issuer));
        }

        Issuer = issuer;

        // The empty builder reads no configuration file and logs nowhere: a provider starts in milliseconds and is
        // the same wherever the tests run.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());

        // TestServer takes each request's scheme from its URI, so an https:// base address is HTTPS to OpenIddict,
        // whose transport security requirement stays on. The base address's path becomes the path base of the
        // requests below it, and OpenIddict's relative endpoint URIs are relative to that: an issuer with a path, as
        // Entra ID's have, serves discovery and the endpoints below that path, where its discovery document puts them.
        // The trailing slash keeps the path's last segment when URIs are resolved against it.
        builder.WebHost.UseTestServer(options => options.BaseAddress = new Uri(issuer.AbsoluteUri.TrimEnd('/') + "/"));

        // ASP.NET Core's authentication brings data protection, which nothing here uses: kept in memory, it reads and
        // writes no key files under the home folder.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(issuer)
                .SetAuthorizationEndpointUris(AuthorizationPath)
                .SetTokenEndpointUris(TokenPath)
                .AllowAuthorizationCodeFlow()
                .RequireProofKeyForCodeExchange()
                .RegisterScopes(Scopes.Email, Scopes.Profile)

                // OpenIddict's default ephemeral keys are RSA, 4096 bits for signing: generated on the first request,
                // they cost seconds per provider here. A P-256 key signs the ID tokens (ES256, which the handler takes as
                // it takes RS256) and an AES key encrypts the codes, which only the provider reads; each provider still
                // has keys of its own.
                .AddEphemeralEncryptionKey(SecurityAlgorithms.Aes256KW)
                .AddEphemeralSigningKey(SecurityAlgorithms.EcdsaSha256)
                .EnableDegradedMode();
            options.UseAspNetCore();

            // OpenIddict also offers "plain", which protects nothing once the authorization request is seen; the
            // providers this harness stands for take S256.
            options.Configure(server => server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

            // Each check runs where the store-backed one it replaces would have run.
            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler
                .UseInlineHandler(ValidateAuthorizationRequest)
                .SetOrder(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor.Order));
            options.AddEventHandler<HandleAuthorizationRequestContext>(handler => handler.UseInlineHandler(HandleAuthorizationRequest));

            // After every built-in check of the code (presenter, redirect_uri, code_verifier), so that only a code
            // that would otherwise be accepted counts as redeemed.
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler
                .UseInlineHandler(ValidateTokenRequest)
                .SetOrder(OpenIddictServerHandlers.Exchange.ValidateCodeVerifier.Descriptor.Order + 500));
        });
        _app = builder.Build();
        _app.UseAuthentication();
    }

    /// <summary>The issuer, exactly as the ID tokens' <c>iss</c> claim and the discovery document carry it (with or without a trailing slash, as given).</summary>
    public Uri Issuer { get; }

    public TestServer Server => _app.GetTestServer();

    public Uri AuthorizationEndpoint => new(Server.BaseAddress, AuthorizationPath);

    /// <summary>How many authorization requests were granted a code.</summary>
    public int CodesIssued => Volatile.Read(ref _codesIssued);

    public static async Task<TestIdentityProvider> StartAsync(Uri issuer)
    {
        var provider = new TestIdentityProvider(issuer);
        await provider._app.StartAsync();
        return provider;
    }

    /// <summary>Registers a client; a relying party registers its own when it starts.</summary>
    public void Register(TestClient client)
    {
        if (!_clients.TryAdd(client.ClientId, client))
        {
            throw new InvalidOperationException($"The client '{client.ClientId}' is already registered at {Issuer}.");
        }
    }

    /// <summary>Whom the next authorization requests sign in, until another call.</summary>
    public void SignInAs(TestPerson person)
    {
        ThrowIfUnsupportedClaims(person);
        _person = person;
    }

    /// <summary>
    /// Whom an authorization request with this <c>login_hint</c> signs in, whatever <see cref="SignInAs(TestPerson)"/>
    /// says: as a person types their name at a real provider's login page, so that browsers signing in at the same time
    /// can each be someone else.
    /// </summary>
    public void SignInAs(string loginHint, TestPerson person)
    {
        ThrowIfUnsupportedClaims(person);
        _people[loginHint] = person;
    }

    /// <summary>A client of the provider's endpoints, as a relying party's back channel.</summary>
    public HttpClient CreateBackchannel() => new(Server.CreateHandler()) { BaseAddress = Server.BaseAddress };

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static void ThrowIfUnsupportedClaims(TestPerson person)
    {
        foreach (var (type, value) in person.ExtraClaims)
        {
            if (value is not (bool or int or long or string or JsonElement))
            {
                throw new ArgumentException($"The claim '{type}' is a {value.GetType()}; a test person's claims are bool, int, long, string or JsonElement.", nameof(person));
            }
        }
    }

    private ValueTask ValidateAuthorizationRequest(ValidateAuthorizationRequestContext context)
    {
        if (context.ClientId is null || !_clients.TryGetValue(context.ClientId, out var client))
        {
            context.Reject(Errors.InvalidRequest, $"The specified 'client_id' is not registered: {context.ClientId}.");
        }

        // An exact comparison, as OAuth 2.0 security best practice asks: no prefix, no other path on the same host.
        else if (!client.RedirectUris.Any(uri => string.Equals(uri.AbsoluteUri, context.RedirectUri, StringComparison.Ordinal)))
        {
            context.Reject(Errors.InvalidRequest, $"The specified 'redirect_uri' is not registered for {client.ClientId}: {context.RedirectUri}.");
        }

        return default;
    }

    private ValueTask HandleAuthorizationRequest(HandleAuthorizationRequestContext context)
    {
        var hinted = context.Request.LoginHint is { } hint && _people.TryGetValue(hint, out var named) ? named : null;
        var person = hinted ?? _person ?? throw new InvalidOperationException($"{Issuer} was asked to sign someone in before a test called {nameof(SignInAs)}.");
        var identity = new ClaimsIdentity(nameof(TestIdentityProvider), Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Subject);
        if (person.Email is not null)
        {
            identity.SetClaim(Claims.Email, person.Email);
        }

        foreach (var (type, value) in person.ExtraClaims)
        {
            // Typed, so that the token handler writes a JSON boolean or number rather than a string.
            switch (value)
            {
                case bool flag:
                    identity.AddClaim(type, flag);
                    break;
                case int number:
                    identity.AddClaim(type, number);
                    break;
                case long number:
                    identity.AddClaim(type, number);
                    break;
                case JsonElement element:
                    identity.AddClaim(type, element);
                    break;
                default:
                    identity.AddClaim(type, (string)value);
                    break;
            }
        }

        identity.SetScopes(context.Request.GetScopes());

        // OpenIddict puts a claim only in the tokens its destinations name; these are all for the ID token.
        identity.SetDestinations(static _ => [Destinations.IdentityToken]);
        context.SignIn(new ClaimsPrincipal(identity));
        Interlocked.Increment(ref _codesIssued);
        return default;
    }

    private ValueTask ValidateTokenRequest(ValidateTokenRequestContext context)
    {
        if (context.ClientId is null || !_clients.TryGetValue(context.ClientId, out var client) ||
            !string.Equals(client.ClientSecret, context.Request.ClientSecret, StringComparison.Ordinal))
        {
            context.Reject(Errors.InvalidClient, "The client credentials are not those of a registered client.");
        }
        else if (context.Request.Code is { } code && !_redeemedCodes.TryAdd(code, 0))
        {
            context.Reject(Errors.InvalidGrant, "The authorization code was already redeemed.");
        }

        return default;
    }
}
