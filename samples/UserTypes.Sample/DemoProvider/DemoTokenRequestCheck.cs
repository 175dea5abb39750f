using System.Security.Cryptography;
using System.Text;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace UserTypes.Sample.DemoProvider;

/// <summary>
/// What OpenIddict's stores would check at the token endpoint, which degraded mode leaves to the host: the client's
/// secret, and that a code is redeemed once (without token storage, OpenIddict alone would take it again).
/// </summary>
internal sealed class DemoTokenRequestCheck(DemoClient client) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (!string.Equals(context.ClientId, DemoClient.Id, StringComparison.Ordinal)
            || !CryptographicEquals(context.Request.ClientSecret, client.Secret))
        {
            context.Reject(Errors.InvalidClient, "The client credentials are not those of the registered client.");
        }
        else if (context.Request.Code is { } code && !client.TryRedeem(code))
        {
            context.Reject(Errors.InvalidGrant, "The authorization code was already redeemed.");
        }

        return default;
    }

    private static bool CryptographicEquals(string? presented, string secret) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(secret));
}
