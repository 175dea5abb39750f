namespace UserTypes.Sample.Accounts;

/// <summary>An account as the sample shows it: never its hash, lockout state or version.</summary>
internal sealed record AccountResponse(string Id, string UserName, string? Email, bool EmailConfirmed, UserType UserType, string? PersonId, bool Enabled)
{
    public static AccountResponse From(UserAccount account) =>
        new(account.Id, account.UserName, account.Email, account.EmailConfirmed, account.UserType, account.PersonId, account.Enabled);
}

/// <summary>The caller: who they are, their user type and what they may do.</summary>
internal sealed record MeResponse(
    string UserId,
    string UserName,
    string WorkspaceId,
    UserType UserType,
    bool IsImplicitAnonymous,
    IReadOnlyList<string> FunctionalRights,
    IReadOnlyDictionary<string, DataRights> DataRights)
{
    public static MeResponse From(AuthenticatedUser user) => new(
        user.UserId,
        user.UserName,
        user.WorkspaceId,
        user.UserType,
        user.IsImplicitAnonymous,
        [.. user.Rights.Grant.FunctionalRights.Order(StringComparer.Ordinal)],
        user.Rights.Grant.DataRights.ToDictionary(entry => entry.Key, entry => user.Rights.For(entry.Key), StringComparer.Ordinal));
}
