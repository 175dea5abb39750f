using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace UserTypes.Tests.Federation.Harness;

/// <summary>How a <see cref="TestRelyingParty"/> is set up, before it starts.</summary>
internal sealed class TestRelyingPartyOptions
{
    private readonly List<(string Scheme, TestIdentityProvider Provider, TestClient Client)> _providers = [];

    /// <summary>
    /// The OpenID Connect handler's switch of the same name: on (its default), <c>sub</c>, <c>email</c>, <c>tid</c> and
    /// the like arrive under their long WS-* claim types; off, under the names the ID token gives them.
    /// </summary>
    public bool MapInboundClaims { get; set; } = true;

    /// <summary>Called for every scheme when a sign-in has been validated and is about to become the cookie.</summary>
    public Func<TicketReceivedContext, Task>? OnTicketReceived { get; set; }

    /// <summary>Configures the cookie scheme the sign-ins end in, after the harness's defaults (such as <c>UseUserTypesValidation()</c>).</summary>
    public Action<CookieAuthenticationOptions>? ConfigureCookie { get; set; }

    /// <summary>Registers services of the application under test, after the harness's own.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Adds middleware and endpoints of the application under test, after authentication.</summary>
    public Action<WebApplication>? ConfigureApp { get; set; }

    internal IReadOnlyList<(string Scheme, TestIdentityProvider Provider, TestClient Client)> Providers => _providers;

    /// <summary>
    /// Signs in with <paramref name="provider"/> under <paramref name="scheme"/>, as a client the relying party registers
    /// there when it starts, with the scheme's callback as its one redirect URI.
    /// </summary>
    public TestRelyingPartyOptions AddProvider(string scheme, TestIdentityProvider provider, string clientId = "usertypes-app", string clientSecret = "usertypes-app-secret")
    {
        _providers.Add((scheme, provider, new TestClient(clientId, clientSecret, [TestRelyingParty.CallbackUri(scheme)])));
        return this;
    }
}
