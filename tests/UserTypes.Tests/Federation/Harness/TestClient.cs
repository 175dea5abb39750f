namespace UserTypes.Tests.Federation.Harness;

/// <summary>A client registered at a <see cref="TestIdentityProvider"/>: its credentials and the only redirect URIs it may use.</summary>
internal sealed record TestClient(string ClientId, string ClientSecret, IReadOnlyList<Uri> RedirectUris);
