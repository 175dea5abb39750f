namespace UserTypes.Stores;

/// <summary>
/// A single-use token as a store keeps it: only its SHA-256 hash, bound to its purpose, workspace and address and, for
/// a password reset or an e-mail change, to the account and the security stamp it was issued under.
/// </summary>
public sealed record StoredToken
{
    /// <summary>The token's id (not the token: nothing that proves anything).</summary>
    public required string Id { get; init; }

    /// <summary>The workspace.</summary>
    public required string WorkspaceId { get; init; }

    /// <summary>What the token is for.</summary>
    public required TokenPurpose Purpose { get; init; }

    /// <summary>The canonical address the token was mailed to and is bound to.</summary>
    public required string Email { get; init; }

    /// <summary>The SHA-256 hash of the token.</summary>
    public required byte[] Hash { get; init; }

    /// <summary>The account the token acts on, for a password reset or an e-mail change.</summary>
    public string? UserId { get; init; }

    /// <summary>The account's security stamp when the token was issued: any change of it voids the token.</summary>
    public string? SecurityStamp { get; init; }

    /// <summary>What the directory needs when the token comes back (an invitation's terms), kept as it is; or <see langword="null"/>.</summary>
    public string? Payload { get; init; }

    /// <summary>When it was issued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it stops being valid.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
