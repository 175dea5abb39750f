namespace UserTypes.Sample.Administration;

/// <summary>An account in an administrator's list: never its hash, stamp or version.</summary>
internal sealed record UserSummary(string Id, string UserName, string? Email, UserType UserType, bool Enabled, bool LockedOut)
{
    public static UserSummary From(UserAccount account) =>
        new(account.Id, account.UserName, account.Email, account.UserType, account.Enabled, account.LockoutEnd is not null);
}
