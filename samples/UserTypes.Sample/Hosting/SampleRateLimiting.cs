using System.Globalization;
using System.Threading.RateLimiting;

namespace UserTypes.Sample.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter in front of every endpoint that takes a password or sends mail: a fixed number of
/// requests per client address and minute, then 429 with Retry-After. The account lockout stops guesses against one
/// account; this stops one client from guessing across many accounts, from filling mailboxes, and from keeping
/// somebody locked out at no cost.
/// </summary>
internal static class SampleRateLimiting
{
    /// <summary>The policy the credential and mail endpoints require.</summary>
    public const string CredentialsPolicy = "credentials";

    /// <param name="services">The host's services.</param>
    /// <param name="permitsPerMinute">Requests per client address and minute (configuration <c>Sample:CredentialRequestsPerMinute</c>).</param>
    public static IServiceCollection AddSampleRateLimiting(this IServiceCollection services, int permitsPerMinute)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitsPerMinute, 1);
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

            // Behind a proxy the remote address is the proxy's: add UseForwardedHeaders with the proxy's address first.
            options.AddPolicy(CredentialsPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "no address",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
