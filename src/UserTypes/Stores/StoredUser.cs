namespace UserTypes.Stores;

/// <summary>An account with the secrets a store keeps beside it. Hashes only: no password or token is ever stored.</summary>
public sealed record StoredUser
{
    /// <summary>The account.</summary>
    public required UserAccount Account { get; init; }

    /// <summary>
    /// The BCrypt hash of the password (SHA-384 pre-hashed); empty for an account without a password, which a federated
    /// identity made and no password opens.
    /// </summary>
    public required string PasswordHash { get; init; }

    /// <summary>
    /// Whether the account holds <see cref="FunctionalRights.ManageRights"/> (from its user type's defaults or its
    /// grant), as the directory computed it when it wrote the account. A store keeps at least one enabled
    /// administrator in a workspace that has one: see <see cref="UserStoreResult.LastAdministrator"/>.
    /// </summary>
    public bool IsAdministrator { get; init; }

    /// <summary>Whether the account is an administrator that counts: enabled and holding the right.</summary>
    public bool IsEnabledAdministrator => IsAdministrator && Account.Enabled;

    /// <summary>The key user names are unique by within a workspace; see <see cref="UserAccount.NormalizeUserName"/>.</summary>
    public string NormalizedUserName => UserAccount.NormalizeUserName(Account.UserName);
}
