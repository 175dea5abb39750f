namespace UserTypes;

/// <summary>
/// A key just created: <see cref="Key"/> is the only time the key is ever shown, since only its hash is kept. Hand it to
/// the service agent and forget it. <see cref="ToString"/> leaves the key out, so logging this object leaks nothing.
/// </summary>
public sealed class CreatedApiKey
{
    internal CreatedApiKey(ApiKey apiKey, string key) => (ApiKey, Key) = (apiKey, key);

    /// <summary>The key's description, as listings show it.</summary>
    public ApiKey ApiKey { get; }

    /// <summary>The key, for the <c>Authorization: Bearer</c> header of the agent's calls.</summary>
    public string Key { get; }

    /// <summary>The key's description, without the key.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ApiKey.ToString();
}
