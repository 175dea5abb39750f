using Microsoft.AspNetCore.Authentication.Cookies;
using UserTypes.AspNetCore;

namespace UserTypes.Sample.Hosting;

/// <summary>
/// Two ways in: web users sign in once and carry a cookie; service calls send HTTP Basic credentials on every
/// request, or none to run as the anonymous account. One policy scheme picks the right handler per request.
/// </summary>
internal static class SampleAuthentication
{
    public const string Scheme = "cookie-or-service-call";

    /// <summary>
    /// The cookie's name when served over HTTPS: the <c>__Host-</c> prefix makes browsers keep it only if it is
    /// Secure, for this host alone (no Domain) and for the whole site (Path=/), so no subdomain can plant or read it.
    /// </summary>
    public const string SecureCookieName = "__Host-usertypes-sample";

    /// <summary>
    /// The cookie's name on plain local HTTP, where browsers refuse a Secure cookie and with it any <c>__Host-</c> one.
    /// </summary>
    public const string LocalCookieName = "usertypes-sample";

    /// <param name="services">The host's services.</param>
    /// <param name="servedOverHttps">Whether the host listens on HTTPS; only then is the cookie Secure and prefixed.</param>
    public static IServiceCollection AddSampleAuthentication(this IServiceCollection services, bool servedOverHttps)
    {
        var cookieName = servedOverHttps ? SecureCookieName : LocalCookieName;
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie, else a service call", options => options.ForwardDefaultSelector = context => SelectScheme(context, cookieName))
            .AddCookie(options =>
            {
                options.Cookie.Name = cookieName;
                options.Cookie.SecurePolicy = servedOverHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                options.Cookie.Path = "/";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.ExpireTimeSpan = TimeSpan.FromHours(1);
                options.SlidingExpiration = true;

                // An API answers 401 and 403 with problem details instead of redirecting to a login page.
                options.ForwardChallenge = UserTypesAuthenticationDefaults.AuthenticationScheme;
                options.ForwardForbid = UserTypesAuthenticationDefaults.AuthenticationScheme;

                // Every request's session is checked: a disabled account, a revoked right or a logout ends it at once,
                // on every instance; a grant reaches it without a new login.
                options.UseUserTypesValidation();
            })
            .AddUserTypesScheme();
        return services;
    }

    // Credentials sent with the request win; then the sign-in cookie; a request with neither is a service call
    // without credentials, which the UserTypes scheme runs as the implicit anonymous user.
    private static string SelectScheme(HttpContext context, string cookieName) =>
        context.Request.Headers.Authorization.Count == 0 && context.Request.Cookies.ContainsKey(cookieName)
            ? CookieAuthenticationDefaults.AuthenticationScheme
            : UserTypesAuthenticationDefaults.AuthenticationScheme;
}
