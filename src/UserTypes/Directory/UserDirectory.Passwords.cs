namespace UserTypes;

internal sealed partial class UserDirectory
{
    public async Task<UserAccount> ChangePasswordAsync(AuthenticatedUser user, string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(currentPassword);
        passwords.ThrowIfInvalid(newPassword, user.UserName, email: null, nameof(newPassword));
        if (user.UserType == UserType.Anonymous)
        {
            throw new AccessDeniedException(null, "the anonymous account's password is set by the host (SetAnonymousUserAsync).");
        }

        var stored = await FindOwnAccountAsync(user, cancellationToken).ConfigureAwait(false);
        passwords.ThrowIfInvalid(newPassword, stored.Account.UserName, stored.Account.Email, nameof(newPassword));
        await VerifyCurrentPasswordAsync(stored, currentPassword, cancellationToken).ConfigureAwait(false);

        var hash = await hasher.HashAsync(newPassword, cancellationToken).ConfigureAwait(false);
        var changed = await UpdateAsync(
            user.WorkspaceId,
            user.UserId,
            current =>
            {
                // The current password was verified against this hash and stamp; a reset or change landed meanwhile
                // makes it stale, and it must not overwrite what the reset set.
                if (current.PasswordHash != stored.PasswordHash || current.Account.SecurityStamp != stored.Account.SecurityStamp)
                {
                    throw new AuthenticationFailedException(AuthenticationFailureReason.InvalidCredentials);
                }

                return current with
                {
                    Account = current.Account with { SecurityStamp = UserAccount.NewSecurityStamp() },
                    PasswordHash = hash,
                };
            },
            license: null,
            user.UserId,
            cancellationToken).ConfigureAwait(false);
        await NotifyAsync(changed, AccountMailKind.PasswordChanged).ConfigureAwait(false);
        return changed;
    }

    public async Task RequestPasswordResetAsync(string workspaceId, string email, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        var address = EmailAddress.Parse(email, nameof(email));
        _ = Mailer;
        if (await AnonymousWorkspaceAsync(workspaceId, cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        // Only a proven address gets a reset; an unknown or unproven one gets the NoAccount notice at the same cost.
        var account = (await users.FindByEmailAsync(workspaceId, address.Value, cancellationToken).ConfigureAwait(false))?.Account;
        var resettable = account is { EmailConfirmed: true, UserType: not UserType.Anonymous } ? account : null;
        await IssueAsync(
            workspaceId,
            TokenPurpose.PasswordReset,
            address.Value,
            options.Value.Tokens.PasswordResetLifetime,
            resettable,
            AccountMailKind.PasswordReset,
            resettable is null ? AccountMailKind.NoAccount : null,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task IssuePasswordResetAsync(string workspaceId, string userId, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        Identifier.ThrowIfInvalid(userId, nameof(userId));
        _ = Mailer;
        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var account = (await users.FindByIdAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false))?.Account
            ?? throw new AccountNotFoundException(workspaceId, userId);
        if (account.Email is not { } email || account.UserType == UserType.Anonymous)
        {
            throw new ArgumentException($"Account '{userId}' has no address a reset link could be sent to.", nameof(userId));
        }

        // A trusted call: the hourly cap that protects mailboxes from anonymous callers does not stop an administrator.
        await IssueAsync(
            workspaceId, TokenPurpose.PasswordReset, email, options.Value.Tokens.PasswordResetLifetime, account, AccountMailKind.PasswordReset, notice: null, cancellationToken, maxPerHour: int.MaxValue)
            .ConfigureAwait(false);
    }

    public async Task<UserAccount> ResetPasswordAsync(string workspaceId, string email, string token, string newPassword, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        var address = EmailAddress.Parse(email, nameof(email));
        ArgumentNullException.ThrowIfNull(token);
        passwords.ThrowIfInvalid(newPassword, userName: null, address.Value, nameof(newPassword));
        await TokenWorkspaceAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var redeemed = await RedeemAsync(tokens.FindTokensAsync(workspaceId, TokenPurpose.PasswordReset, address.Value, cancellationToken), token).ConfigureAwait(false);
        if (redeemed.UserId is not { } userId)
        {
            throw AccountToken.Refused();
        }

        var hash = await hasher.HashAsync(newPassword, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < OptimisticConcurrency.MaxAttempts; attempt++)
        {
            var current = await users.FindByIdAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false);

            // Bound to the account's address and to the stamp it was issued under: any change since voids it.
            if (current?.Account is not { } account || account.Email != redeemed.Email || account.SecurityStamp != redeemed.SecurityStamp)
            {
                throw AccountToken.Refused();
            }

            passwords.ThrowIfInvalid(newPassword, account.UserName, account.Email, nameof(newPassword));
            var reset = rightsPolicy.WithAdministrator(current with
            {
                Account = account with
                {
                    SecurityStamp = UserAccount.NewSecurityStamp(),
                    EmailConfirmed = true,
                    AccessFailedCount = 0,
                    LockoutEnd = null,
                    Version = account.Version + 1,
                },
                PasswordHash = hash,
            });

            // The token is used up by this very write: a conflict (another write moved the version) is tried again, a
            // token used meanwhile is refused.
            var entries = audit.Changed(current, reset, userId, AuditActions.PasswordReset);
            var result = await users.UpdateAsync(reset, account.Version, seatLimit: null, redeemed.Id, entries, cancellationToken).ConfigureAwait(false);
            if (result == UserStoreResult.Conflict)
            {
                continue;
            }

            if (result != UserStoreResult.Succeeded)
            {
                throw AccountToken.Refused();
            }

            audit.Written(entries);

            // A reset ends a lockout. Cleared after the reset landed: if this step fails, the lock runs out on its own.
            await attempts.ClearAfterChangeAsync(workspaceId, userId).ConfigureAwait(false);
            await NotifyAsync(reset.Account, AccountMailKind.PasswordChanged).ConfigureAwait(false);
            return reset.Account;
        }

        throw OptimisticConcurrency.Exhausted($"account '{userId}' of workspace '{workspaceId}'");
    }

    // The current password is checked as a login is: a wrong one counts towards the lockout, and a locked account is
    // refused without a comparison.
    private async Task VerifyCurrentPasswordAsync(StoredUser stored, string password, CancellationToken cancellationToken)
    {
        var workspaceId = stored.Account.WorkspaceId;
        var attempt = await attempts.CheckAsync(workspaceId, stored.NormalizedUserName, stored, password, cancellationToken).ConfigureAwait(false);
        if (!attempt.Verified)
        {
            throw new AuthenticationFailedException(attempt.LockedOut ? AuthenticationFailureReason.LockedOut : AuthenticationFailureReason.InvalidCredentials);
        }

        await attempts.SucceededAsync(workspaceId, attempt).ConfigureAwait(false);
    }
}
