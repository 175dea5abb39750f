using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace UserTypes.Sample.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter in front of everything that checks a password or sends mail, per client address and
/// minute, then 429 with Retry-After. The account lockout stops guesses against one account; this stops one client
/// from guessing across many accounts, from filling mailboxes, and from keeping somebody locked out at no cost.
/// </summary>
/// <remarks>
/// Two limits: the endpoints that take a password or a mailed token, or send mail, require the policy
/// <see cref="CredentialsPolicy"/>; and every request with an <c>Authorization</c> header, whatever its endpoint, meets
/// a global limit before authentication runs, since a wrong password costs a BCrypt verification. API keys cost no
/// hashing (a right one a dictionary lookup, a wrong one a read by primary key), so bearer calls get a limit of their
/// own, a hundred times higher by default. <c>UseRateLimiter</c> therefore comes before <c>UseAuthentication</c>.
/// </remarks>
internal static class SampleRateLimiting
{
    /// <summary>The policy the credential and mail endpoints require.</summary>
    public const string CredentialsPolicy = "credentials";

    /// <param name="services">The host's services.</param>
    /// <param name="credentialRequestsPerMinute">Credential and mail requests per client and minute (<c>Sample:CredentialRequestsPerMinute</c>).</param>
    /// <param name="serviceCallsPerMinute">Requests with any other Authorization header per client and minute (<c>Sample:ServiceCallsPerMinute</c>).</param>
    /// <param name="apiKeyCallsPerMinute">Requests with a bearer token per client and minute (<c>Sample:ApiKeyCallsPerMinute</c>).</param>
    public static IServiceCollection AddSampleRateLimiting(this IServiceCollection services, int credentialRequestsPerMinute, int serviceCallsPerMinute, int apiKeyCallsPerMinute)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(credentialRequestsPerMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(serviceCallsPerMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(apiKeyCallsPerMinute, 1);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.AddPolicy(CredentialsPolicy, context => PerClient(context, credentialRequestsPerMinute));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => context.Request.Headers.Authorization.ToString() switch
            {
                "" => RateLimitPartition.GetNoLimiter(string.Empty),
                var header when header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) => PerClient(context, apiKeyCallsPerMinute, "bearer"),
                _ => PerClient(context, serviceCallsPerMinute),
            });
        });
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int permitsPerMinute, string limit = "") =>
        RateLimitPartition.GetFixedWindowLimiter(
            limit + ClientOf(context.Connection.RemoteIpAddress),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    // One client is an IPv4 address or an IPv6 /64, the block one subscriber gets: partitioning by full IPv6 address
    // would give a single client 2^64 buckets. Behind a reverse proxy every client has the proxy's address: add
    // UseForwardedHeaders for the proxy first. Without an address (a test server, a Unix socket) all share one bucket.
    private static string ClientOf(IPAddress? address)
    {
        if (address is null)
        {
            return "no address";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var block = address.GetAddressBytes();
        Array.Clear(block, 8, 8);
        return new IPAddress(block) + "/64";
    }
}
