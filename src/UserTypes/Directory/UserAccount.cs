namespace UserTypes;

/// <summary>An account as the directory sees it. Immutable; every change produces a new instance with a higher <see cref="Version"/>.</summary>
public sealed record UserAccount
{
    /// <summary>The account's id, unique in the store.</summary>
    public required string Id { get; init; }

    /// <summary>The workspace the account belongs to.</summary>
    public required string WorkspaceId { get; init; }

    /// <summary>The name it logs in with; unique per workspace, compared case-insensitively. A signed-up account's is its e-mail address.</summary>
    public required string UserName { get; init; }

    /// <summary>The canonical e-mail address, if the account has one (the anonymous account has none).</summary>
    public string? Email { get; init; }

    /// <summary>Whether the owner of <see cref="Email"/> has proved it by confirming the token sent at sign-up.</summary>
    public bool EmailConfirmed { get; init; }

    /// <summary>Internal, external or anonymous.</summary>
    public required UserType UserType { get; init; }

    /// <summary>How <see cref="UserType"/> was decided.</summary>
    public required UserTypeSource UserTypeSource { get; init; }

    /// <summary>For an external user created from a contact person, the host's id of that person.</summary>
    public string? PersonId { get; init; }

    /// <summary>Whether the account may log in and holds a seat.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>What the account is granted on top of its user type's defaults.</summary>
    public RightsGrant Rights { get; init; } = RightsGrant.Empty;

    /// <summary>Consecutive failed logins since the last success or lockout.</summary>
    public int AccessFailedCount { get; init; }

    /// <summary>Until when the account is locked out, if it is.</summary>
    public DateTimeOffset? LockoutEnd { get; init; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The concurrency stamp: 1 when created, one higher after every change.</summary>
    public long Version { get; init; } = 1;

    /// <summary>
    /// A random value that changes whenever the account's existing sessions must end: its password is set, changed or
    /// reset; its address or user name changes; it is disabled or deleted; its user type changes; rights are revoked;
    /// or its sessions are revoked. It does not change on a grant, a rehash, a failed login, a lockout or an unlock.
    /// A new account gets a fresh one.
    /// </summary>
    public string SecurityStamp { get; init; } = NewSecurityStamp();

    /// <summary>The seat the account holds: its user type when enabled and internal or external, else <see langword="null"/>.</summary>
    public UserType? Seat => Enabled && UserType != UserType.Anonymous ? UserType : null;

    /// <summary>A fresh <see cref="SecurityStamp"/>: 128 random bits from a CSPRNG, base64url.</summary>
    /// <returns>The stamp.</returns>
    public static string NewSecurityStamp() => System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>The key user names are unique by: invariant upper case, so that comparison is case-insensitive and ordinal.</summary>
    /// <param name="userName">A user name.</param>
    /// <returns>The normalised name.</returns>
    public static string NormalizeUserName(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return userName.ToUpperInvariant();
    }
}
