namespace UserTypes;

/// <summary>A domain whitelisted for domain-based sign-up.</summary>
/// <param name="Domain">The canonical domain: lower-case ASCII, punycode for international labels.</param>
/// <param name="IncludeSubdomains">Whether addresses under subdomains of <paramref name="Domain"/> match too.</param>
public sealed record SignupDomain(string Domain, bool IncludeSubdomains);
