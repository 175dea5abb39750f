namespace UserTypes;

internal sealed partial class UserDirectory
{
    public async Task RequestEmailChangeAsync(AuthenticatedUser user, string currentPassword, string newEmail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(currentPassword);
        var address = EmailAddress.Parse(newEmail, nameof(newEmail));
        _ = Mailer;
        if (user.UserType == UserType.Anonymous)
        {
            throw new AccessDeniedException(null, "the anonymous account has no address.");
        }

        var stored = await FindOwnAccountAsync(user, cancellationToken).ConfigureAwait(false);
        if (stored.Account.Email == address.Value)
        {
            throw new ArgumentException("'newEmail' is the account's address already.", nameof(newEmail));
        }

        await VerifyCurrentPasswordAsync(stored, currentPassword, cancellationToken).ConfigureAwait(false);

        // The account keeps its address until the new one is proven. Whether the new one is free is decided when the
        // token comes back, so asking tells the caller nothing about other accounts.
        await IssueAsync(
            user.WorkspaceId, TokenPurpose.EmailChange, address.Value, options.Value.Tokens.EmailChangeLifetime, stored.Account, AccountMailKind.EmailChange, notice: null, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<UserAccount> ConfirmEmailChangeAsync(string workspaceId, string userId, string token, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        Identifier.ThrowIfInvalid(userId, nameof(userId));
        ArgumentNullException.ThrowIfNull(token);
        var lookup = await TokenWorkspaceAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var redeemed = await RedeemAsync(tokens.FindTokensForAccountAsync(workspaceId, TokenPurpose.EmailChange, userId, cancellationToken), token).ConfigureAwait(false);
        var newAddress = EmailAddress.Parse(redeemed.Email, nameof(token));
        for (var attempt = 0; attempt < OptimisticConcurrency.MaxAttempts; attempt++)
        {
            var current = await users.FindByIdAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false);

            // Bound to the stamp it was issued under: a password change, a disable, anything that ended sessions voids it.
            if (current?.Account is not { } account || account.SecurityStamp != redeemed.SecurityStamp)
            {
                throw AccountToken.Refused();
            }

            var moved = Moved(account, newAddress, lookup);
            var limit = LicenseGate.SeatLimit(lookup.Workspace.License, moved.UserType);
            var changed = rightsPolicy.WithAdministrator(current with { Account = moved with { Version = account.Version + 1 } });
            var entries = audit.Changed(current, changed, userId);
            var result = await users.UpdateAsync(changed, account.Version, limit, redeemed.Id, entries, cancellationToken).ConfigureAwait(false);
            switch (result)
            {
                case UserStoreResult.Conflict:
                    continue;
                case UserStoreResult.UserNameTaken or UserStoreResult.EmailTaken or UserStoreResult.TokenUsed:
                    throw AccountToken.Refused();
                default:
                    ThrowIfRefused(result, changed.Account, limit);
                    audit.Written(entries);
                    await NotifyAsync(account, AccountMailKind.EmailChanged).ConfigureAwait(false);
                    return changed.Account;
            }
        }

        throw OptimisticConcurrency.Exhausted($"account '{userId}' of workspace '{workspaceId}'");
    }

    // The account at its new, proven address: a signed-up account's user name follows the address, and a classified
    // account's type follows it (licence checked now; the seat gate is the store's). Its sessions end.
    private UserAccount Moved(UserAccount account, EmailAddress newAddress, WorkspaceLookup lookup)
    {
        var signedUp = account.UserTypeSource == UserTypeSource.Classified
            && UserAccount.NormalizeUserName(account.UserName) == UserAccount.NormalizeUserName(account.Email ?? string.Empty);
        var type = account.UserTypeSource == UserTypeSource.Classified ? lookup.Classify(newAddress.Domain).Classification.UserType : account.UserType;
        if (type == UserType.External && account.UserType != UserType.External)
        {
            licenses.ThrowIfExternalUsersNotAllowed(lookup.Workspace);
        }

        return account with
        {
            Email = newAddress.Value,
            EmailConfirmed = true,
            UserName = signedUp ? newAddress.Value : account.UserName,
            UserType = type,
            SecurityStamp = UserAccount.NewSecurityStamp(),
        };
    }
}
