namespace UserTypes.Stores;

/// <summary>
/// A federated identity bound to an account: the key is (<see cref="WorkspaceId"/>, <see cref="Issuer"/>,
/// <see cref="Subject"/>), never an address, and each key names at most one account.
/// </summary>
public sealed record StoredIdentityLink
{
    /// <summary>The workspace of the account.</summary>
    public required string WorkspaceId { get; init; }

    /// <summary>The issuer exactly as the identity's tokens name it (for an Entra tenant, with its tenant filled in).</summary>
    public required string Issuer { get; init; }

    /// <summary>The issuer's id for the person.</summary>
    public required string Subject { get; init; }

    /// <summary>The account the identity signs in to.</summary>
    public required string UserId { get; init; }

    /// <summary>When the identity was linked.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
