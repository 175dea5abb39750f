namespace UserTypes;

/// <summary>Where every account comes to be, whatever made it: a sign-up, a host, an invitation, a federated identity.</summary>
internal static class NewAccount
{
    /// <summary>A new account at version 1, with a fresh security stamp and a time-ordered (version 7) id.</summary>
    /// <param name="workspaceId">Its workspace.</param>
    /// <param name="userName">Its user name.</param>
    /// <param name="email">Its canonical address, or <see langword="null"/>.</param>
    /// <param name="type">Its user type.</param>
    /// <param name="source">How the type was decided.</param>
    /// <param name="passwordHash">The password's hash; empty for an account without one.</param>
    /// <param name="now">When it is made.</param>
    /// <returns>The account, not yet stored.</returns>
    public static StoredUser Create(string workspaceId, string userName, string? email, UserType type, UserTypeSource source, string passwordHash, DateTimeOffset now) => new()
    {
        Account = new UserAccount
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            WorkspaceId = workspaceId,
            UserName = userName,
            Email = email,
            UserType = type,
            UserTypeSource = source,
            CreatedAt = now,
        },
        PasswordHash = passwordHash,
    };
}
