using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace UserTypes.Sample.DemoProvider;

/// <summary>
/// Where the demo provider is: below the sample's own address, whose port the server knows only once it listens. So
/// each value is read when first needed (the first request, or the trust seeded after start), never at registration.
/// </summary>
internal sealed class DemoIdentityProviderSite(IServer server)
{
    /// <summary>The issuer, exactly as its ID tokens' <c>iss</c> claim and its discovery document write it.</summary>
    public Uri Issuer => new(Base, DemoIdentityProvider.PathBase);

    /// <summary>The one redirect URI its client may use: the sample's callback for the demo scheme.</summary>
    public string RedirectUri => new Uri(Base, DemoIdentityProvider.CallbackPath).AbsoluteUri;

    /// <summary>Whether it is served over plain http, which a loopback host alone may do.</summary>
    public bool IsHttp => Base.Scheme == Uri.UriSchemeHttp;

    /// <exception cref="InvalidOperationException">The server listens on no address yet, or on one others can reach.</exception>
    private Uri Base
    {
        get
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (addresses.Count == 0)
            {
                throw new InvalidOperationException("The demo identity provider's issuer is the address the sample listens on, and the server reports none: it has not started, or it is an in-memory test server.");
            }

            // Anyone who reaches it can sign in as anyone: it serves this machine only (a wildcard host is not loopback).
            if (!addresses.All(address => new Uri(address).IsLoopback))
            {
                throw new InvalidOperationException($"The demo identity provider is a stand-in for local development and runs on loopback addresses only, not on {string.Join(", ", addresses)}: listen on http://127.0.0.1:PORT, or turn it off ({DemoIdentityProvider.Setting}=false).");
            }

            return new Uri(addresses.First());
        }
    }
}
