using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>
/// Carries an identity from the sign-in callback to the link page: encrypted and signed with Data Protection, valid
/// for <see cref="Lifetime"/>, HTTP-only, and bound to its workspace. Nothing of it is trusted unless it unprotects.
/// </summary>
internal static class PendingLinkCookie
{
    // Over https the __Host- prefix: the browser takes it only from this very host, with Secure and Path=/, so no sibling
    // subdomain can plant one. Plain http is for a developer's own machine only, where no prefix can hold.
    private const string SecureName = "__Host-UserTypes.PendingLink";
    private const string LocalName = ".UserTypes.PendingLink";

    /// <summary>How long the person has to sign in to the account and link.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const string Purpose = "UserTypes.AspNetCore.PendingFederatedLink.v1";

    public static void Write(HttpContext context, string workspaceId, FederatedIdentity identity)
    {
        var payload = JsonSerializer.Serialize(new Payload(workspaceId, identity.Issuer, identity.Subject, identity.Email, new Dictionary<string, string>(identity.Claims)));
        context.Response.Cookies.Append(NameFor(context), Protector(context).Protect(payload, Lifetime), Options(context));
    }

    /// <summary>The pending identity and its workspace, or <see langword="null"/> when there is none, or it was tampered with or expired.</summary>
    public static (string WorkspaceId, FederatedIdentity Identity)? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(NameFor(context), out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(Protector(context).Unprotect(value, out _));
            return payload is null ? null : (payload.W, new FederatedIdentity(payload.I, payload.S, payload.E, payload.C));
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }

    public static void Delete(HttpContext context) => context.Response.Cookies.Delete(NameFor(context), Options(context));

    private static string NameFor(HttpContext context) => context.Request.IsHttps ? SecureName : LocalName;

    // Lax: the form_post callback that writes it is a cross-site POST, and the link page that reads it is a top-level GET.
    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        IsEssential = true,
        MaxAge = Lifetime,
    };

    private static ITimeLimitedDataProtector Protector(HttpContext context) =>
        UserTypesHttpContextExtensions.Service<IDataProtectionProvider>(context).CreateProtector(Purpose).ToTimeLimitedDataProtector();

    // Short names: the cookie travels with every request until it is used.
    private sealed record Payload(string W, string I, string S, string? E, Dictionary<string, string> C);
}
