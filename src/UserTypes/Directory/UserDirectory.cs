using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// The default <see cref="IUserDirectory"/>. Arguments are validated before anything is read; every write is one
/// store operation (the seat gate and user-name uniqueness are the store's), and read-modify-write changes retry on
/// a version conflict, so concurrent callers never lose each other's changes.
/// </summary>
internal sealed partial class UserDirectory(
    IUserAccountStore users,
    IUserClassificationStore seats,
    PasswordAttempts attempts,
    IAccountTokenStore tokens,
    IFederatedIdentityStore identities,
    IEnumerable<IAccountMailer> mailers,
    WorkspaceLookupCache workspaces,
    Reclassifier reclassifier,
    RightsPolicy rightsPolicy,
    LicenseGate licenses,
    PasswordPolicy passwords,
    PasswordHasher hasher,
    AuditRecorder audit,
    IOptions<UserTypesOptions> options,
    TimeProvider time) : IUserDirectory
{
    public async Task<UserAccount> CreateInternalUserAsync(string workspaceId, string userName, string email, string password, RightsGrant? rights = null, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        var address = EmailAddress.Parse(email, nameof(email));
        UserName.ThrowIfInvalidFor(userName, address, nameof(userName));
        passwords.ThrowIfInvalid(password, userName, address.Value);
        var grant = ValidGrant(rights ?? RightsGrant.Empty, nameof(rights));
        rightsPolicy.ThrowIfAboveCeiling(UserType.Internal, grant);

        var lookup = await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var user = await NewUserAsync(workspaceId, userName, address.Value, UserType.Internal, UserTypeSource.Assigned, password, cancellationToken).ConfigureAwait(false);
        user = user with { Account = user.Account with { Rights = grant } };
        await CreateAsync(user, lookup.Workspace, audit.TrustedActorIn(workspaceId), cancellationToken).ConfigureAwait(false);
        return user.Account;
    }

    public async Task<UserAccount> CreateExternalUserAsync(AuthenticatedUser actor, string personId, string userName, string email, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Identifier.ThrowIfInvalid(personId, nameof(personId));
        var address = EmailAddress.Parse(email, nameof(email));
        UserName.ThrowIfInvalidFor(userName, address, nameof(userName));
        passwords.ThrowIfInvalid(password, userName, address.Value);

        var lookup = await workspaces.GetAsync(actor.WorkspaceId, cancellationToken).ConfigureAwait(false);
        await RequireActorAsync(actor, FunctionalRights.CreateExternalUsers, cancellationToken).ConfigureAwait(false);
        licenses.ThrowIfExternalUsersNotAllowed(lookup.Workspace);

        var user = await NewUserAsync(actor.WorkspaceId, userName, address.Value, UserType.External, UserTypeSource.Assigned, password, cancellationToken).ConfigureAwait(false);
        user = user with { Account = user.Account with { PersonId = personId } };
        await CreateAsync(user, lookup.Workspace, actor.UserId, cancellationToken).ConfigureAwait(false);
        return user.Account;
    }

    public async Task<UserAccount> SetAnonymousUserAsync(string workspaceId, string userName, string password, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        UserName.ThrowIfInvalidFor(userName, email: null, nameof(userName));
        passwords.ThrowIfInvalid(password, userName, email: null);
        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);

        // The password is set anew, so the account gets a new security stamp (the fresh account's) and its sessions end.
        // Hashed once; a write that finds another anonymous account than the one read is computed again.
        var fresh = await NewUserAsync(workspaceId, userName, email: null, UserType.Anonymous, UserTypeSource.Assigned, password, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < OptimisticConcurrency.MaxAttempts; attempt++)
        {
            var existing = await users.FindAnonymousAsync(workspaceId, cancellationToken).ConfigureAwait(false);
            var user = existing is null ? fresh : fresh with
            {
                Account = fresh.Account with
                {
                    Id = existing.Account.Id,
                    Rights = existing.Account.Rights,
                    Enabled = existing.Account.Enabled,
                    CreatedAt = existing.Account.CreatedAt,
                    Version = existing.Account.Version + 1,
                },
            };
            var entries = existing is null ? [audit.Created(user.Account, audit.TrustedActorIn(workspaceId))] : audit.Changed(existing, user, audit.TrustedActorIn(workspaceId));
            var result = await users.SetAnonymousAsync(user, entries, cancellationToken).ConfigureAwait(false);
            if (result != UserStoreResult.Conflict)
            {
                ThrowIfRefused(result, user.Account, limit: null);
                audit.Written(entries);
                return user.Account;
            }
        }

        throw OptimisticConcurrency.Exhausted($"the anonymous account of workspace '{workspaceId}'");
    }

    public async Task<UserAccount?> FindByUserNameAsync(string workspaceId, string userName, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        UserName.ThrowIfInvalid(userName, nameof(userName));
        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var user = await users.FindByUserNameAsync(workspaceId, UserAccount.NormalizeUserName(userName), cancellationToken).ConfigureAwait(false);
        return user?.Account;
    }

    private async Task<StoredUser> NewUserAsync(string workspaceId, string userName, string? email, UserType type, UserTypeSource source, string password, CancellationToken cancellationToken)
    {
        var hash = await hasher.HashAsync(password, cancellationToken).ConfigureAwait(false);
        return NewAccount.Create(workspaceId, userName, email, type, source, hash, time.GetUtcNow());
    }

    // Every path that adds an account goes through here, and so through the store's seat gate.
    private async Task CreateAsync(StoredUser user, WorkspaceRecord workspace, string? actorUserId, CancellationToken cancellationToken)
    {
        user = rightsPolicy.WithAdministrator(user);
        var limit = LicenseGate.SeatLimit(workspace.License, user.Account.UserType);
        AuditEntry[] entries = [audit.Created(user.Account, actorUserId)];
        var result = await users.CreateAsync(user, limit, consumedTokenId: null, entries, cancellationToken).ConfigureAwait(false);
        ThrowIfRefused(result, user.Account, limit);
        audit.Written(entries);
    }

    private static void ThrowIfRefused(UserStoreResult result, UserAccount account, int? limit)
    {
        switch (result)
        {
            case UserStoreResult.UserNameTaken:
                throw new UserNameTakenException(account.WorkspaceId, account.UserName);
            case UserStoreResult.EmailTaken:
                throw new EmailTakenException(account.WorkspaceId);
            case UserStoreResult.LastAdministrator:
                throw new LastAdministratorException(account.WorkspaceId);
            case UserStoreResult.SeatLimitReached:
                throw new SeatLimitExceededException(account.WorkspaceId, account.UserType, limit.GetValueOrDefault());
            case UserStoreResult.Conflict:
                // A new account's id is a fresh version-7 GUID: a clash means the store is broken, not busy.
                throw new InvalidOperationException($"The store refused new account '{account.Id}' as a conflict: an account with that id exists.");
        }
    }

    // Reads, changes and writes one account until the write lands on the version it was computed from (boundedly:
    // each conflict means another writer landed). change may throw to refuse; it returns the same instance when there
    // is nothing to do. The licence, when given, sets the seat limit for a change that takes a seat. What changed is
    // recorded in the audit trail with the write, as made by actorUserId.
    private async Task<UserAccount> UpdateAsync(
        string workspaceId, string userId, Func<StoredUser, StoredUser> change, WorkspaceLicense? license, string? actorUserId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < OptimisticConcurrency.MaxAttempts; attempt++)
        {
            var current = await users.FindByIdAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false)
                ?? throw new AccountNotFoundException(workspaceId, userId);
            var changed = change(current);
            if (ReferenceEquals(changed, current))
            {
                return current.Account;
            }

            var version = current.Account.Version;
            changed = rightsPolicy.WithAdministrator(changed with { Account = changed.Account with { Version = version + 1 } });
            var limit = license is null ? null : LicenseGate.SeatLimit(license, changed.Account.UserType);
            var entries = audit.Changed(current, changed, actorUserId);
            var result = await users.UpdateAsync(changed, version, limit, consumedTokenId: null, entries, cancellationToken).ConfigureAwait(false);
            if (result != UserStoreResult.Conflict)
            {
                ThrowIfRefused(result, changed.Account, limit);
                audit.Written(entries);
                return changed.Account;
            }
        }

        throw OptimisticConcurrency.Exhausted($"account '{userId}' of workspace '{workspaceId}'");
    }

    private static RightsGrant ValidGrant(RightsGrant grant, string paramName)
    {
        RightNames.ThrowIfInvalid(grant, paramName);
        return RightsAlgebra.Normalize(grant);
    }
}
