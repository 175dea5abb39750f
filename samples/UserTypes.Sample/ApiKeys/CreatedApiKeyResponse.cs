namespace UserTypes.Sample.ApiKeys;

/// <summary>A key just created: the only response that ever carries it.</summary>
internal sealed record CreatedApiKeyResponse(string Id, string Key);
