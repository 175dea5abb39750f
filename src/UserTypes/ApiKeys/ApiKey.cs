namespace UserTypes;

/// <summary>An API key as its owner and administrators see it: never the key itself, which is shown once, at creation.</summary>
/// <param name="Id">The key's id: the public part of the key, by which it is listed and revoked.</param>
/// <param name="UserId">The account the key acts as.</param>
/// <param name="Name">The name its owner gave it.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ExpiresAt">When it stops being accepted, or <see langword="null"/> for never.</param>
public sealed record ApiKey(string Id, string UserId, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt)
{
    /// <summary>
    /// How every key begins, so that a host, a bearer scheme or a secret scanner can tell a UserTypes key from other
    /// tokens without asking the store.
    /// </summary>
    public const string Prefix = "utk_";
}
