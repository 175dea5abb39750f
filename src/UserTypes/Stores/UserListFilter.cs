namespace UserTypes.Stores;

/// <summary>
/// One page of a workspace's accounts, as <see cref="IUserAccountStore.ListAsync"/> reads it: the accounts that pass
/// every filter, ordered by <see cref="StoredUser.NormalizedUserName"/> (ordinal) then id, starting after a position.
/// Paging by position (keyset), not by offset, so a late page costs what the first does and an account that keeps its
/// name appears exactly once whatever is inserted or deleted meanwhile.
/// </summary>
public sealed record UserListFilter
{
    /// <summary>Only accounts of this type.</summary>
    public UserType? UserType { get; init; }

    /// <summary>Only enabled, or only disabled, accounts.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Only accounts linked to this contact person.</summary>
    public string? PersonId { get; init; }

    /// <summary>
    /// Only accounts whose normalised user name starts with this (already normalised) text, or whose address starts
    /// with <see cref="EmailPrefix"/>; a literal prefix, no wildcards.
    /// </summary>
    public string? UserNamePrefix { get; init; }

    /// <summary>The address prefix that goes with <see cref="UserNamePrefix"/> (lower-case); set together with it.</summary>
    public string? EmailPrefix { get; init; }

    /// <summary>Only accounts after this position (the last normalised user name and id of the previous page).</summary>
    public (string NormalizedUserName, string Id)? After { get; init; }

    /// <summary>The most accounts to return.</summary>
    public int Limit { get; init; } = 50;
}
