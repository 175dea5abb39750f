using System.Net;

namespace UserTypes.Sample.DemoProvider;

/// <summary>
/// Answers the demo provider's paths (and its scheme's callback) only for a request from this machine that no proxy
/// forwarded. Listening on loopback is not enough: nginx or IIS in front of a loopback port hands the world's requests
/// to it, and this provider signs in whoever is typed.
/// </summary>
internal static class DemoIdentityProviderGuard
{
    private static readonly string[] ForwardingHeaders = ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Original-For", "X-Real-IP"];

    public static IApplicationBuilder UseDemoIdentityProviderGuard(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            var guarded = path.StartsWithSegments(DemoIdentityProvider.PathBase) || path.StartsWithSegments(DemoIdentityProvider.CallbackPath);
            if (guarded && !FromThisMachine(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });

    private static bool FromThisMachine(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote
        && IPAddress.IsLoopback(remote)
        && !ForwardingHeaders.Any(context.Request.Headers.ContainsKey);
}
