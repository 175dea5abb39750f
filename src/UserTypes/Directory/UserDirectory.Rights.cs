namespace UserTypes;

internal sealed partial class UserDirectory
{
    public async Task<UserAccount> GrantAsync(AuthenticatedUser actor, string userId, RightsGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Identifier.ThrowIfInvalid(userId, nameof(userId));
        var added = ValidGrant(grant, nameof(grant));
        await RequireActorAsync(actor, FunctionalRights.ManageRights, cancellationToken).ConfigureAwait(false);

        return await UpdateAsync(
            actor.WorkspaceId,
            userId,
            user =>
            {
                // Only what is added is checked: a grant kept from an earlier user type is cut, not refused.
                rightsPolicy.ThrowIfAboveCeiling(user.Account.UserType, added);
                var rights = RightsAlgebra.Union(user.Account.Rights, added);
                return rights == user.Account.Rights ? user : user with { Account = user.Account with { Rights = rights } };
            },
            license: null,
            actor.UserId,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<UserAccount> RevokeAsync(AuthenticatedUser actor, string userId, RightsGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Identifier.ThrowIfInvalid(userId, nameof(userId));
        var removed = ValidGrant(grant, nameof(grant));
        await RequireActorAsync(actor, FunctionalRights.ManageRights, cancellationToken).ConfigureAwait(false);

        return await UpdateAsync(
            actor.WorkspaceId,
            userId,
            user =>
            {
                // A revocation ends the account's sessions (a grant does not: sessions pick it up as fresh claims).
                var rights = RightsAlgebra.Except(user.Account.Rights, removed);
                return rights == user.Account.Rights
                    ? user
                    : user with { Account = user.Account with { Rights = rights, SecurityStamp = UserAccount.NewSecurityStamp() } };
            },
            license: null,
            actor.UserId,
            cancellationToken).ConfigureAwait(false);
    }

    // A session issued under another stamp was ended (password set, sessions revoked, ...): it may act no more.
    private static void ThrowIfSessionEnded(UserAccount account, string? sessionStamp)
    {
        if (sessionStamp is not null && sessionStamp != account.SecurityStamp)
        {
            throw new AccessDeniedException(null, "the session was ended (the account's security stamp moved since it signed in); sign in again.");
        }
    }

    // The signed-in user's own account as stored now, for what a session does to itself (a new password, a new
    // address): the workspace and the account must exist, and the session must still be live.
    private async Task<StoredUser> FindOwnAccountAsync(AuthenticatedUser user, CancellationToken cancellationToken)
    {
        await workspaces.GetAsync(user.WorkspaceId, cancellationToken).ConfigureAwait(false);
        var stored = await users.FindByIdAsync(user.WorkspaceId, user.UserId, cancellationToken).ConfigureAwait(false)
            ?? throw new AccountNotFoundException(user.WorkspaceId, user.UserId);
        ThrowIfSessionEnded(stored.Account, user.SecurityStamp);
        return stored;
    }

    // The actor is checked against the store, not the snapshot taken at login: a user disabled or stripped of the
    // right since then is refused.
    private Task RequireActorAsync(AuthenticatedUser actor, string right, CancellationToken cancellationToken) =>
        RequireActorAsync(actor.WorkspaceId, actor.IsImplicitAnonymous ? null : actor.UserId, right, cancellationToken, actor.SecurityStamp);

    // The same check for an actor known by id, such as the inviter of an invitation being accepted. A signed-in actor
    // also needs a live session: one whose stamp has moved (password reset, sessions revoked) acts no more.
    private async Task RequireActorAsync(string workspaceId, string? userId, string right, CancellationToken cancellationToken, string? sessionStamp = null)
    {
        var stored = userId is null
            ? null
            : await users.FindByIdAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false);
        if (stored?.Account is not { Enabled: true, UserType: UserType.Internal } account)
        {
            throw new AccessDeniedException(right, "only an enabled internal user of the workspace may do this.");
        }

        ThrowIfSessionEnded(account, sessionStamp);

        if (!rightsPolicy.Evaluate(account.UserType, account.Rights).Has(right))
        {
            throw new AccessDeniedException(right, $"user '{account.UserName}' does not hold it.");
        }
    }
}
