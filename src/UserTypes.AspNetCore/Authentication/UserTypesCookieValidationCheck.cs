using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace UserTypes.AspNetCore;

/// <summary>
/// Runs after every configuration of a cookie scheme and fails it when <c>UseUserTypesValidation()</c> was switched off
/// by what came after (events replaced, <c>EventsType</c> set): a cookie scheme that skips the session check fails
/// closed, at its first use, instead of serving revoked sessions.
/// </summary>
internal sealed class UserTypesCookieValidationCheck : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options) =>
        UserTypesCookieAuthenticationOptionsExtensions.ThrowIfValidationBypassed(options, name);
}
