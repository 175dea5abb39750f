using System.Diagnostics.CodeAnalysis;

namespace UserTypes;

/// <summary>
/// What an issuer may look like: an absolute <c>https</c> URL without query or fragment (OpenID Connect Discovery 1.0,
/// section 2), <c>http</c> only on a loopback host for development. Issuers are compared exactly, never normalised:
/// a token's <c>iss</c> must be the very string the workspace trusts.
/// </summary>
internal static class IssuerName
{
    /// <summary>The longest issuer accepted, far above any real provider's.</summary>
    public const int MaxLength = 512;

    /// <summary>The placeholder an Entra multi-tenant issuer holds for the tenant's id.</summary>
    public const string TenantPlaceholder = "{tenantid}";

    /// <summary>Throws unless <paramref name="issuer"/> is a valid issuer.</summary>
    /// <param name="issuer">The issuer.</param>
    /// <param name="paramName">The parameter it came from.</param>
    /// <exception cref="ArgumentException">It is not.</exception>
    /// <exception cref="ArgumentNullException">It is <see langword="null"/>.</exception>
    public static void ThrowIfInvalid([NotNull] string? issuer, string paramName)
    {
        ArgumentNullException.ThrowIfNull(issuer, paramName);
        if (Problem(issuer) is { } problem)
        {
            throw new ArgumentException($"'{paramName}' is not a valid OpenID Connect issuer: {problem}", paramName);
        }
    }

    private static string? Problem(string issuer)
    {
        if (issuer.Length is 0 or > MaxLength)
        {
            return $"it must have 1 to {MaxLength} characters.";
        }

        if (issuer.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return "it contains white space or a control character.";
        }

        // The placeholder's braces are no URL's: checked with a tenant in its place.
        var candidate = issuer.Replace(TenantPlaceholder, "00000000-0000-0000-0000-000000000000", StringComparison.Ordinal);
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return "it must be an absolute https URL.";
        }

        if (uri.Scheme == "http" && !uri.IsLoopback)
        {
            return "it must use https (http is accepted on a loopback host only).";
        }

        return uri.Query.Length > 0 || uri.Fragment.Length > 0 || !string.IsNullOrEmpty(uri.UserInfo)
            ? "it must have no query, fragment or user information."
            : null;
    }
}
