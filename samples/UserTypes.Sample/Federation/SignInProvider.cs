namespace UserTypes.Sample.Federation;

/// <summary>A provider the login page offers: its OpenID Connect scheme and the name a person reads.</summary>
internal sealed record SignInProvider(string Scheme, string DisplayName);
