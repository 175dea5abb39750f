using System.Globalization;

namespace UserTypes;

internal sealed partial class UserDirectory
{
    public async Task<UserAccount?> FindByIdAsync(string workspaceId, string userId, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        Identifier.ThrowIfInvalid(userId, nameof(userId));
        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        return (await users.FindByIdAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false))?.Account;
    }

    public async Task<UserAccount?> FindByEmailAsync(string workspaceId, string email, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        var address = EmailAddress.Parse(email, nameof(email));
        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        return (await users.FindByEmailAsync(workspaceId, address.Value, cancellationToken).ConfigureAwait(false))?.Account;
    }

    // An unlock lets the account try again; it is no reason to end its sessions, and the account itself is unchanged.
    public async Task<UserAccount> UnlockAsync(string workspaceId, string userId, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        Identifier.ThrowIfInvalid(userId, nameof(userId));
        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var account = (await users.FindByIdAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false))?.Account
            ?? throw new AccountNotFoundException(workspaceId, userId);
        var entry = audit.Entry(workspaceId, AuditActions.UserUnlocked, audit.TrustedActorIn(workspaceId), userId, $"Account {userId} unlocked: its failed logins are forgiven.");
        await attempts.ClearAsync(workspaceId, userId, entry, cancellationToken).ConfigureAwait(false);
        audit.Written(entry);
        return account with { AccessFailedCount = 0, LockoutEnd = null };
    }

    public Task<UserAccount> RevokeSessionsAsync(string workspaceId, string userId, CancellationToken cancellationToken = default) =>
        ChangeAccountAsync(
            workspaceId,
            userId,
            user => user with { Account = user.Account with { SecurityStamp = UserAccount.NewSecurityStamp() } },
            cancellationToken);

    public async Task<UserPage> ListUsersAsync(string workspaceId, UserQuery query, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        ArgumentNullException.ThrowIfNull(query);
        ThrowIfInvalid(query);
        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);

        // The scope a token is bound to: every filter, separated by a character no id or search may hold.
        var scope = string.Join('\u0001', workspaceId, query.UserType?.ToString(), query.Enabled?.ToString(), query.PersonId, query.Search, query.PageSize.ToString(CultureInfo.InvariantCulture));
        var filter = new UserListFilter
        {
            UserType = query.UserType,
            Enabled = query.Enabled,
            PersonId = query.PersonId,
            UserNamePrefix = query.Search is { } search ? UserAccount.NormalizeUserName(search) : null,
            EmailPrefix = query.Search?.ToLowerInvariant(),
            After = ContinuationToken.Read(query.ContinuationToken, scope),

            // One more than a page: whether it comes back says whether there is a next page.
            Limit = query.PageSize + 1,
        };
        var found = await users.ListAsync(workspaceId, filter, cancellationToken).ConfigureAwait(false);
        var page = found.Take(query.PageSize).Select(user => user.Account).ToList();
        var next = found.Count > query.PageSize ? ContinuationToken.Create(scope, (UserAccount.NormalizeUserName(page[^1].UserName), page[^1].Id)) : null;
        return new UserPage(page, next);
    }

    public async Task<string> ExportPersonalDataAsync(string workspaceId, string userId, CancellationToken cancellationToken = default)
    {
        var account = await FindByIdAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false)
            ?? throw new AccountNotFoundException(workspaceId, userId);
        return PersonalData.Export(account, await identities.ListIdentitiesAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false));
    }

    public async Task DeleteAsync(string workspaceId, string userId, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        Identifier.ThrowIfInvalid(userId, nameof(userId));
        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < OptimisticConcurrency.MaxAttempts; attempt++)
        {
            var current = await users.FindByIdAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false)
                ?? throw new AccountNotFoundException(workspaceId, userId);
            AuditEntry[] entries = [audit.Entry(workspaceId, AuditActions.UserDeleted, audit.TrustedActorIn(workspaceId), userId, $"Account {userId} deleted: its seat, user name and address are free.")];
            var result = await users.DeleteAsync(workspaceId, userId, current.Account.Version, entries, cancellationToken).ConfigureAwait(false);
            if (result != UserStoreResult.Conflict)
            {
                ThrowIfRefused(result, current.Account, limit: null);
                audit.Written(entries);
                return;
            }
        }

        throw OptimisticConcurrency.Exhausted($"account '{userId}' of workspace '{workspaceId}'");
    }

    private static void ThrowIfInvalid(UserQuery query)
    {
        var error = query switch
        {
            { PageSize: < 1 or > 1000 } => $"PageSize must be between 1 and 1000 (was {query.PageSize}).",
            { UserType: { } type } when !Enum.IsDefined(type) => $"UserType {(int)type} is not a user type.",
            { Search: { Length: 0 or > UserName.MaxLength } } => $"Search must have 1 to {UserName.MaxLength} characters.",
            { Search: { } search } when search.Any(char.IsControl) => "Search must not contain control characters.",
            { PersonId: { Length: 0 or > Identifier.MaxLength } } => $"PersonId must have 1 to {Identifier.MaxLength} characters.",
            _ => null,
        };
        if (error is not null)
        {
            throw new ArgumentException($"'query' is not valid: {error}", nameof(query));
        }
    }

    // A trusted host call that changes one account and takes no seat.
    private async Task<UserAccount> ChangeAccountAsync(string workspaceId, string userId, Func<StoredUser, StoredUser> change, CancellationToken cancellationToken)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        Identifier.ThrowIfInvalid(userId, nameof(userId));
        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        return await UpdateAsync(workspaceId, userId, change, license: null, audit.TrustedActorIn(workspaceId), cancellationToken).ConfigureAwait(false);
    }
}
