namespace UserTypes;

internal sealed partial class UserDirectory
{
    public async Task RequestSignUpAsync(string workspaceId, string email, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        var address = EmailAddress.Parse(email, nameof(email));
        _ = Mailer;
        if (await AnonymousWorkspaceAsync(workspaceId, cancellationToken).ConfigureAwait(false) is not { } lookup)
        {
            return;
        }

        if (lookup.Classify(address.Domain).Classification.UserType == UserType.External)
        {
            licenses.ThrowIfExternalUsersNotAllowed(lookup.Workspace);
        }

        // Both answers cost the same and look the same to the caller; only the mailbox's owner learns which it was.
        var existing = await users.FindByEmailAsync(workspaceId, address.Value, cancellationToken).ConfigureAwait(false);
        await IssueAsync(
            workspaceId,
            TokenPurpose.SignUp,
            address.Value,
            options.Value.Tokens.SignUpLifetime,
            account: null,
            AccountMailKind.SignUp,
            existing is null ? null : AccountMailKind.AlreadyRegistered,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<UserAccount> CompleteSignUpAsync(string workspaceId, string email, string token, string password, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        var address = EmailAddress.Parse(email, nameof(email));
        ArgumentNullException.ThrowIfNull(token);
        passwords.ThrowIfInvalid(password, address.Value, address.Value);
        var lookup = await TokenWorkspaceAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var redeemed = await RedeemAsync(tokens.FindTokensAsync(workspaceId, TokenPurpose.SignUp, address.Value, cancellationToken), token).ConfigureAwait(false);

        // Classified and licensed now, when the account comes to be, not when it was asked for.
        var type = lookup.Classify(address.Domain).Classification.UserType;
        if (type == UserType.External)
        {
            licenses.ThrowIfExternalUsersNotAllowed(lookup.Workspace);
        }

        var user = rightsPolicy.WithAdministrator(await NewUserAsync(workspaceId, address.Value, address.Value, type, UserTypeSource.Classified, password, cancellationToken).ConfigureAwait(false));
        user = user with { Account = user.Account with { EmailConfirmed = true } };
        var limit = LicenseGate.SeatLimit(lookup.Workspace.License, type);
        AuditEntry[] entries = [audit.Created(user.Account, user.Account.Id)];
        var result = await users.CreateAsync(user, limit, redeemed.Id, entries, cancellationToken).ConfigureAwait(false);
        if (result is UserStoreResult.UserNameTaken or UserStoreResult.EmailTaken or UserStoreResult.TokenUsed)
        {
            throw AccountToken.Refused();
        }

        ThrowIfRefused(result, user.Account, limit);
        audit.Written(entries);

        // The account exists now: finishing its classification must not be cancelled halfway, and only a pass that
        // ran can have changed what was written.
        var caughtUp = await reclassifier.CatchUpAsync(lookup, CancellationToken.None).ConfigureAwait(false);
        var created = caughtUp ? await users.FindByIdAsync(workspaceId, user.Account.Id, CancellationToken.None).ConfigureAwait(false) : null;
        return (created ?? user).Account;
    }
}
