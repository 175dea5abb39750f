namespace UserTypes.Tests.Federation.Harness;

/// <summary>
/// Issuers for <see cref="TestIdentityProvider"/>s. None resolves: the harness routes each host to its in-memory server,
/// so the names only have to be told apart, and the look-alike is one a careless prefix check accepts.
/// </summary>
internal static class TestIssuers
{
    /// <summary>The tenant of <see cref="EntraLike"/>, in its issuer's path as in its ID tokens' <c>tid</c> claim.</summary>
    public const string EntraLikeTenant = "7d3f1a52-0c4e-4b8a-9f61-2e5b8c9d0a14";

    public static readonly Uri Generic = new("https://idp-generic.example/");

    public static readonly Uri GoogleLike = new("https://accounts.google.example/");

    /// <summary>Shaped as Entra ID's v2.0 issuers are: the tenant in the path, and no trailing slash.</summary>
    public static readonly Uri EntraLike = new($"https://login.microsoftonline.example/{EntraLikeTenant}/v2.0");

    /// <summary>Starts with <see cref="Generic"/>'s host name: only an exact comparison of issuers tells them apart.</summary>
    public static readonly Uri LookAlike = new("https://idp-generic.example.evil.example/");
}
