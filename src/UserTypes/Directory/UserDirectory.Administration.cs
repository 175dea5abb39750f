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

    // An unlock lets the account try again; it is no reason to end its sessions.
    public Task<UserAccount> UnlockAsync(string workspaceId, string userId, CancellationToken cancellationToken = default) =>
        ChangeAccountAsync(
            workspaceId,
            userId,
            user => user.Account is { AccessFailedCount: 0, LockoutEnd: null }
                ? user
                : user with { Account = user.Account with { AccessFailedCount = 0, LockoutEnd = null } },
            cancellationToken);

    public Task<UserAccount> RevokeSessionsAsync(string workspaceId, string userId, CancellationToken cancellationToken = default) =>
        ChangeAccountAsync(
            workspaceId,
            userId,
            user => user with { Account = user.Account with { SecurityStamp = UserAccount.NewSecurityStamp() } },
            cancellationToken);

    public async Task DeleteAsync(string workspaceId, string userId, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        Identifier.ThrowIfInvalid(userId, nameof(userId));
        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < OptimisticConcurrency.MaxAttempts; attempt++)
        {
            var current = await users.FindByIdAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false)
                ?? throw new AccountNotFoundException(workspaceId, userId);
            var result = await users.DeleteAsync(workspaceId, userId, current.Account.Version, cancellationToken).ConfigureAwait(false);
            if (result != UserStoreResult.Conflict)
            {
                ThrowIfRefused(result, current.Account, limit: null);
                return;
            }
        }

        throw OptimisticConcurrency.Exhausted($"account '{userId}' of workspace '{workspaceId}'");
    }

    // A trusted host call that changes one account and takes no seat.
    private async Task<UserAccount> ChangeAccountAsync(string workspaceId, string userId, Func<StoredUser, StoredUser> change, CancellationToken cancellationToken)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        Identifier.ThrowIfInvalid(userId, nameof(userId));
        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        return await UpdateAsync(workspaceId, userId, change, license: null, cancellationToken).ConfigureAwait(false);
    }
}
