namespace UserTypes.Sample.ApiKeys;

/// <summary>A new key's name, and when it stops working (or never).</summary>
internal sealed record CreateApiKeyRequest(string Name, DateTimeOffset? ExpiresAt);
