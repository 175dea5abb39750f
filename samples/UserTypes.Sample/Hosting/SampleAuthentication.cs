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
    public const string CookieName = "usertypes-sample";

    public static IServiceCollection AddSampleAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie, else a service call", options => options.ForwardDefaultSelector = SelectScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.ExpireTimeSpan = TimeSpan.FromHours(1);
                options.SlidingExpiration = true;

                // An API answers 401 and 403 with problem details instead of redirecting to a login page.
                options.ForwardChallenge = UserTypesAuthenticationDefaults.AuthenticationScheme;
                options.ForwardForbid = UserTypesAuthenticationDefaults.AuthenticationScheme;
            })
            .AddUserTypesScheme();
        return services;
    }

    // Credentials sent with the request win; then the sign-in cookie; a request with neither is a service call
    // without credentials, which the UserTypes scheme runs as the implicit anonymous user.
    private static string SelectScheme(HttpContext context) =>
        context.Request.Headers.Authorization.Count == 0 && context.Request.Cookies.ContainsKey(CookieName)
            ? CookieAuthenticationDefaults.AuthenticationScheme
            : UserTypesAuthenticationDefaults.AuthenticationScheme;
}
