namespace UserTypes.Stores;

/// <summary>
/// An API key as a store keeps it: only the SHA-256 hash of the key, bound to the account it acts as and its workspace.
/// A hash this fast is right for a secret of 256 random bits, which no guessing can reach.
/// </summary>
public sealed record StoredApiKey
{
    /// <summary>The key's id: the public part of the key, by which it is looked up, listed and revoked.</summary>
    public required string Id { get; init; }

    /// <summary>The workspace.</summary>
    public required string WorkspaceId { get; init; }

    /// <summary>The account the key acts as.</summary>
    public required string UserId { get; init; }

    /// <summary>
    /// The account's <see cref="UserAccount.SecurityStamp"/> when the key was made. A key lives no longer than the
    /// sessions of its account would: a new password, a reset, signing out everywhere, a disabled account, a revoked
    /// right or a new user type moves the stamp, and every key made under the old one is dead.
    /// </summary>
    public required string SecurityStamp { get; init; }

    /// <summary>The name its owner gave it, to tell keys apart.</summary>
    public required string Name { get; init; }

    /// <summary>The SHA-256 hash of the whole key.</summary>
    public required byte[] Hash { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it stops being accepted, or <see langword="null"/> for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
