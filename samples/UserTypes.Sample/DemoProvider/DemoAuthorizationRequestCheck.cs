using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace UserTypes.Sample.DemoProvider;

/// <summary>
/// What OpenIddict's stores would check at the authorization endpoint, which degraded mode leaves to the host: the
/// client is the sample, and the redirect URI is exactly its callback (no prefix, no other path on the host).
/// </summary>
internal sealed class DemoAuthorizationRequestCheck(DemoIdentityProviderSite site) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        if (!string.Equals(context.ClientId, DemoClient.Id, StringComparison.Ordinal))
        {
            context.Reject(Errors.InvalidRequest, "The specified 'client_id' is not registered.");
        }
        else if (!string.Equals(context.RedirectUri, site.RedirectUri, StringComparison.Ordinal))
        {
            context.Reject(Errors.InvalidRequest, "The specified 'redirect_uri' is not registered for this client.");
        }

        return default;
    }
}
