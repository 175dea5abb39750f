namespace UserTypes;

/// <summary>
/// The accounts of every workspace: sign-up with e-mail confirmation, internal, external and anonymous accounts,
/// rights, seats and reclassification. Every call validates its arguments first and changes nothing when it throws.
/// </summary>
public interface IUserDirectory
{
    /// <summary>
    /// Creates an internal account whatever its address's classification: a trusted host call, such as seeding the
    /// first administrator, so it takes the account's first grant.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userName">The user name.</param>
    /// <param name="email">The e-mail address.</param>
    /// <param name="password">The password.</param>
    /// <param name="rights">The first grant, or <see langword="null"/> for the defaults only.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; ParamName names it.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    /// <exception cref="UserNameTakenException">The user name is taken in the workspace.</exception>
    /// <exception cref="EmailTakenException">Another account of the workspace has the address.</exception>
    /// <exception cref="SeatLimitExceededException">No internal seat is free.</exception>
    Task<UserAccount> CreateInternalUserAsync(string workspaceId, string userName, string email, string password, RightsGrant? rights = null, CancellationToken cancellationToken = default);

    /// <summary>Gives a contact person a login as an external user of the actor's workspace.</summary>
    /// <param name="actor">An enabled internal user holding <see cref="FunctionalRights.CreateExternalUsers"/>.</param>
    /// <param name="personId">The host's id of the contact person.</param>
    /// <param name="userName">The user name.</param>
    /// <param name="email">The e-mail address.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; ParamName names it.</exception>
    /// <exception cref="AccessDeniedException">The actor may not create external users.</exception>
    /// <exception cref="ExternalUsersDisabledException"><see cref="ExternalUserOptions.Enabled"/> is off.</exception>
    /// <exception cref="LicenseRequiredException">The workspace is not licensed for external users.</exception>
    /// <exception cref="UserNameTakenException">The user name is taken in the workspace.</exception>
    /// <exception cref="EmailTakenException">Another account of the workspace has the address.</exception>
    /// <exception cref="SeatLimitExceededException">No external seat is free.</exception>
    Task<UserAccount> CreateExternalUserAsync(AuthenticatedUser actor, string personId, string userName, string email, string password, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the workspace's one anonymous account, or replaces its user name and password (keeping its id, grant
    /// and enabled state). Needs no licence; using it does.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userName">The user name it can log in with explicitly.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The anonymous account.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; ParamName names it.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    /// <exception cref="UserNameTakenException">Another account has the user name.</exception>
    Task<UserAccount> SetAnonymousUserAsync(string workspaceId, string userName, string password, CancellationToken cancellationToken = default);

    /// <summary>Adds <paramref name="grant"/> to an account's grant.</summary>
    /// <param name="actor">An enabled internal user of the account's workspace holding <see cref="FunctionalRights.ManageRights"/>.</param>
    /// <param name="userId">The account in the actor's workspace.</param>
    /// <param name="grant">What to add.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account with its new grant.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; ParamName names it.</exception>
    /// <exception cref="AccountNotFoundException">The account does not exist in the actor's workspace.</exception>
    /// <exception cref="AccessDeniedException">The actor may not manage rights.</exception>
    /// <exception cref="RightsCeilingExceededException">The grant gives more than the account's user type can hold.</exception>
    Task<UserAccount> GrantAsync(AuthenticatedUser actor, string userId, RightsGrant grant, CancellationToken cancellationToken = default);

    /// <summary>Takes <paramref name="grant"/> away from an account's grant; a data right revoked on <c>*</c> is revoked on every entity.</summary>
    /// <param name="actor">An enabled internal user of the account's workspace holding <see cref="FunctionalRights.ManageRights"/>.</param>
    /// <param name="userId">The account in the actor's workspace.</param>
    /// <param name="grant">What to take away. The user type's defaults cannot be revoked.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account with its new grant.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; ParamName names it.</exception>
    /// <exception cref="AccountNotFoundException">The account does not exist in the actor's workspace.</exception>
    /// <exception cref="AccessDeniedException">The actor may not manage rights.</exception>
    /// <exception cref="LastAdministratorException">The revocation takes manage-rights from the workspace's last enabled administrator.</exception>
    Task<UserAccount> RevokeAsync(AuthenticatedUser actor, string userId, RightsGrant grant, CancellationToken cancellationToken = default);

    /// <summary>Disables an account (freeing its seat) or enables it (taking a seat through the seat gate).</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="enabled">The new state.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; ParamName names it.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    /// <exception cref="AccountNotFoundException">The account does not exist in the workspace.</exception>
    /// <exception cref="ExternalUsersDisabledException">Enabling an external account while <see cref="ExternalUserOptions.Enabled"/> is off.</exception>
    /// <exception cref="LicenseRequiredException">Enabling an external account in a workspace not licensed for external users.</exception>
    /// <exception cref="SeatLimitExceededException">Enabling, and no seat of the account's type is free.</exception>
    /// <exception cref="LastAdministratorException">Disabling the workspace's last enabled administrator.</exception>
    Task<UserAccount> SetEnabledAsync(string workspaceId, string userId, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>Finds an account by user name, compared case-insensitively.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userName">The user name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; ParamName names it.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    Task<UserAccount?> FindByUserNameAsync(string workspaceId, string userName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-classifies every signed-up account of the workspace against its current collaborators and signup domains.
    /// Never disables or deletes an account; a workspace left over a seat limit is reported.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="cancellationToken">Cancels the call before it writes.</param>
    /// <returns>What changed and the seats in use.</returns>
    /// <exception cref="ArgumentException">The workspace id is invalid.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    Task<ReclassificationReport> ReclassifyAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>The seats the workspace uses and its limits.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The seat usage.</returns>
    /// <exception cref="ArgumentException">The workspace id is invalid.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    Task<SeatUsage> GetSeatUsageAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Finds an account by id: a trusted host call, such as an administration screen.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account, or <see langword="null"/> when the workspace has none with that id.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; ParamName names it.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    Task<UserAccount?> FindByIdAsync(string workspaceId, string userId, CancellationToken cancellationToken = default);

    /// <summary>Finds the account with an e-mail address (an address belongs to at most one account of a workspace).</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="email">The address, in any case or form that canonicalises to the account's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">An argument is invalid (a malformed address included); ParamName names it.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    Task<UserAccount?> FindByEmailAsync(string workspaceId, string email, CancellationToken cancellationToken = default);

    /// <summary>Ends a lockout and clears the failure count. The account's sessions are not ended.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; ParamName names it.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    /// <exception cref="AccountNotFoundException">The account does not exist in the workspace.</exception>
    Task<UserAccount> UnlockAsync(string workspaceId, string userId, CancellationToken cancellationToken = default);

    /// <summary>Ends every session of an account: it gets a new <see cref="UserAccount.SecurityStamp"/>.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account with its new stamp.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; ParamName names it.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    /// <exception cref="AccountNotFoundException">The account does not exist in the workspace.</exception>
    Task<UserAccount> RevokeSessionsAsync(string workspaceId, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an account: its seat, user name and address are free at once, and nothing of it is kept (address,
    /// password hash, person link). The workspace's last enabled holder of <see cref="FunctionalRights.ManageRights"/>
    /// cannot be deleted.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the account is gone.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; ParamName names it.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    /// <exception cref="AccountNotFoundException">The account does not exist in the workspace.</exception>
    /// <exception cref="LastAdministratorException">The account is the workspace's last enabled administrator.</exception>
    Task DeleteAsync(string workspaceId, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists a workspace's accounts a page at a time, ordered by normalised user name, then id. An account that exists
    /// (and keeps its name) for the whole listing appears exactly once, whatever is inserted or deleted meanwhile, and a
    /// late page costs what the first does.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="query">The filters, the page size and the previous page's continuation token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page, with the token of the next one (<see langword="null"/> on the last page).</returns>
    /// <exception cref="ArgumentException">
    /// An argument is invalid, or the continuation token is malformed or was made for another workspace or other
    /// filters (ParamName <c>query</c>).
    /// </exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    Task<UserPage> ListUsersAsync(string workspaceId, UserQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Exports what UserTypes keeps about the person behind an account, as JSON for the host to hand over on request
    /// (GDPR articles 15 and 20): identity, address, type, rights, state and dates; never the password hash, a token
    /// or the security stamp.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Indented JSON with camel-case names.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; ParamName names it.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    /// <exception cref="AccountNotFoundException">The account does not exist in the workspace.</exception>
    Task<string> ExportPersonalDataAsync(string workspaceId, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a sign-up, e-mail first: anyone may ask, and nothing that can log in is created and no seat is taken. The
    /// mailer gets a <see cref="AccountMailKind.SignUp"/> mail with the token that completes it, or, when the address
    /// has an account, an <see cref="AccountMailKind.AlreadyRegistered"/> notice; the caller learns nothing either way,
    /// and both cost the same; an unknown workspace answers alike and stores nothing. Past <see cref="AccountMailOptions.MaxPerAddressPerHour"/> nothing is sent.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="email">The address to sign up with.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the request is stored and the mail handed over.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; ParamName names it.</exception>
    /// <exception cref="ExternalUsersDisabledException">The address classifies external and the host has external users off.</exception>
    /// <exception cref="LicenseRequiredException">The address classifies external and the workspace is not licensed for them.</exception>
    /// <exception cref="InvalidOperationException">The mailbox flows are off (<see cref="AccountMailOptions.Enabled"/>).</exception>
    Task RequestSignUpAsync(string workspaceId, string email, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes a sign-up with the mailed token: the password is chosen now, and the account is created with its
    /// address confirmed, its user name = its address and its type classified from the address, through the seat gate.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="email">The address the token was mailed to.</param>
    /// <param name="token">The token from the mail; single use, expires after <see cref="TokenOptions.SignUpLifetime"/>.</param>
    /// <param name="password">The password; see <see cref="PasswordOptions"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new account.</returns>
    /// <exception cref="ArgumentException">
    /// An argument is invalid; or the token is wrong, expired or used, or the address was taken meanwhile (an unknown workspace included; ParamName
    /// <c>token</c>, one message for all, and the token is not used up).
    /// </exception>
    /// <exception cref="ExternalUsersDisabledException">The address classifies external and the host has external users off.</exception>
    /// <exception cref="LicenseRequiredException">The address classifies external and the workspace is not licensed for them.</exception>
    /// <exception cref="SeatLimitExceededException">No seat of the account's type is free (the token is not used up).</exception>
    Task<UserAccount> CompleteSignUpAsync(string workspaceId, string email, string token, string password, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the signed-in user's password. A wrong current password is a failed login (it counts towards the
    /// lockout). The account's sessions end (a new security stamp), and a <see cref="AccountMailKind.PasswordChanged"/>
    /// notice goes to its address.
    /// </summary>
    /// <param name="user">The signed-in user; not the anonymous account.</param>
    /// <param name="currentPassword">The password now.</param>
    /// <param name="newPassword">The new password; see <see cref="PasswordOptions"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account with its new stamp.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; ParamName names it.</exception>
    /// <exception cref="AccessDeniedException">The user is the anonymous account.</exception>
    /// <exception cref="AuthenticationFailedException">The current password is wrong, or the account is locked out.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    /// <exception cref="AccountNotFoundException">The account no longer exists.</exception>
    Task<UserAccount> ChangePasswordAsync(AuthenticatedUser user, string currentPassword, string newPassword, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks for a password reset: only an account whose address is proven gets a <see cref="AccountMailKind.PasswordReset"/>
    /// mail; an unknown or unproven address gets a <see cref="AccountMailKind.NoAccount"/> notice at the same cost, so
    /// the caller learns nothing (an unknown workspace answers alike and stores nothing).
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="email">The address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the request is stored and the mail handed over.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; ParamName names it.</exception>
    /// <exception cref="InvalidOperationException">The mailbox flows are off.</exception>
    Task RequestPasswordResetAsync(string workspaceId, string email, CancellationToken cancellationToken = default);

    /// <summary>Sends an account a reset link instead of choosing its password: a trusted host call, such as an administrator's.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the mail is handed over.</returns>
    /// <exception cref="ArgumentException">An argument is invalid, or the account has no address (ParamName <c>userId</c>).</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    /// <exception cref="AccountNotFoundException">The account does not exist in the workspace.</exception>
    /// <exception cref="InvalidOperationException">The mailbox flows are off.</exception>
    Task IssuePasswordResetAsync(string workspaceId, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets a new password with a mailed reset token. The token is bound to the account and the stamp it was issued
    /// under, so any change since voids it. The reset ends a lockout, confirms the address, ends the account's
    /// sessions, and sends a <see cref="AccountMailKind.PasswordChanged"/> notice.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="email">The address the token was mailed to.</param>
    /// <param name="token">The token; single use, expires after <see cref="TokenOptions.PasswordResetLifetime"/>.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account.</returns>
    /// <exception cref="ArgumentException">
    /// An argument is invalid; or the token is wrong, expired, used or voided (an unknown workspace included; ParamName <c>token</c>, one message for
    /// all, and the token is not used up).
    /// </exception>
    Task<UserAccount> ResetPasswordAsync(string workspaceId, string email, string token, string newPassword, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks to move the signed-in user's account to a new address: the current password is needed (a wrong one counts
    /// towards the lockout), and an <see cref="AccountMailKind.EmailChange"/> mail with the token goes to the new
    /// address. The account keeps its old address until the new one is confirmed.
    /// </summary>
    /// <param name="user">The signed-in user; not the anonymous account.</param>
    /// <param name="currentPassword">The password now.</param>
    /// <param name="newEmail">The new address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the request is stored and the mail handed over.</returns>
    /// <exception cref="ArgumentException">An argument is invalid, or the new address is the account's already; ParamName names it.</exception>
    /// <exception cref="AccessDeniedException">The user is the anonymous account.</exception>
    /// <exception cref="AuthenticationFailedException">The current password is wrong, or the account is locked out.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    /// <exception cref="AccountNotFoundException">The account no longer exists.</exception>
    /// <exception cref="InvalidOperationException">The mailbox flows are off.</exception>
    Task RequestEmailChangeAsync(AuthenticatedUser user, string currentPassword, string newEmail, CancellationToken cancellationToken = default);

    /// <summary>
    /// Confirms an e-mail change with the token mailed to the new address: the account moves to it (proven), a
    /// signed-up account's user name follows the address, and a classified account's type follows it through the licence
    /// check and the seat gate. Its sessions end, and the old address gets an <see cref="AccountMailKind.EmailChanged"/> notice.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="token">The token; single use, expires after <see cref="TokenOptions.EmailChangeLifetime"/>, voided by any stamp change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account at its new address.</returns>
    /// <exception cref="ArgumentException">
    /// An argument is invalid; or the token is wrong, expired, used or voided, or the address was taken meanwhile
    /// (an unknown workspace included; ParamName <c>token</c>, one message for all, and the token is not used up).
    /// </exception>
    /// <exception cref="ExternalUsersDisabledException">The new address makes the account external and the host has external users off.</exception>
    /// <exception cref="LicenseRequiredException">The new address makes the account external and the workspace is not licensed for them.</exception>
    /// <exception cref="SeatLimitExceededException">No seat of the account's new type is free (nothing changes, the token stays usable).</exception>
    Task<UserAccount> ConfirmEmailChangeAsync(string workspaceId, string userId, string token, CancellationToken cancellationToken = default);

    /// <summary>
    /// Invites a contact person to a login as an external user, instead of choosing their password: an
    /// <see cref="AccountMailKind.Invitation"/> mail goes to the address. One pending invitation per address: inviting
    /// again replaces it.
    /// </summary>
    /// <param name="actor">An enabled internal user holding <see cref="FunctionalRights.CreateExternalUsers"/>.</param>
    /// <param name="personId">The host's id of the contact person.</param>
    /// <param name="email">The address to invite.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pending invitation (never its token).</returns>
    /// <exception cref="ArgumentException">An argument is invalid, the address classifies internal, or it was mailed too often in the last hour; ParamName names it.</exception>
    /// <exception cref="AccessDeniedException">The actor may not create external users.</exception>
    /// <exception cref="ExternalUsersDisabledException">The host has external users off.</exception>
    /// <exception cref="LicenseRequiredException">The workspace is not licensed for external users.</exception>
    /// <exception cref="EmailTakenException">The address already has an account.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    Task<PendingInvitation> InviteExternalUserAsync(AuthenticatedUser actor, string personId, string email, CancellationToken cancellationToken = default);

    /// <summary>Invites a colleague to an internal account, with its first grant: a trusted host call (administrators never choose passwords).</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="email">The address to invite.</param>
    /// <param name="rights">The account's first grant, or <see langword="null"/> for the defaults only.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pending invitation (never its token).</returns>
    /// <exception cref="ArgumentException">An argument is invalid, or the address was mailed too often in the last hour; ParamName names it.</exception>
    /// <exception cref="RightsCeilingExceededException">The grant is above the internal ceiling.</exception>
    /// <exception cref="EmailTakenException">The address already has an account.</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    Task<PendingInvitation> InviteInternalUserAsync(string workspaceId, string email, RightsGrant? rights = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Accepts an invitation with its mailed token: the invitee chooses their password (and a user name, or keeps the
    /// address). Everything is checked again now: for an external invitation the inviter must still be an enabled
    /// internal user holding the right, and the options and licence must allow it; the seat is taken through the gate.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="email">The invited address.</param>
    /// <param name="token">The token from the mail; single use, expires after <see cref="TokenOptions.InvitationLifetime"/>.</param>
    /// <param name="userName">The user name, or <see langword="null"/> for the address.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new account, its address proven.</returns>
    /// <exception cref="ArgumentException">
    /// An argument is invalid; or the token is wrong, expired, used or revoked, or the address was taken meanwhile
    /// (an unknown workspace included; ParamName <c>token</c>, and the token is not used up).
    /// </exception>
    /// <exception cref="UserNameTakenException">The chosen user name is taken (the token stays usable).</exception>
    /// <exception cref="AccessDeniedException">The inviter of an external invitation may no longer create external users.</exception>
    /// <exception cref="ExternalUsersDisabledException">An external invitation, and the host has external users off.</exception>
    /// <exception cref="LicenseRequiredException">An external invitation, and the workspace is not licensed for them.</exception>
    /// <exception cref="SeatLimitExceededException">No seat of the account's type is free (the token stays usable).</exception>
    Task<UserAccount> AcceptInvitationAsync(string workspaceId, string email, string token, string? userName, string password, CancellationToken cancellationToken = default);

    /// <summary>Lists a workspace's pending invitations, oldest first, a page at a time; never with a token.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="query">The page size and the previous page's continuation token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">An argument is invalid, or the continuation token is not this listing's (ParamName <c>query</c>).</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    Task<InvitationPage> ListInvitationsAsync(string workspaceId, InvitationQuery query, CancellationToken cancellationToken = default);

    /// <summary>Revokes a pending invitation: its token stops working at once.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="invitationId">The invitation's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when revoked.</returns>
    /// <exception cref="ArgumentException">An argument is invalid, or no pending invitation has that id (ParamName <c>invitationId</c>).</exception>
    /// <exception cref="WorkspaceNotFoundException">The workspace does not exist.</exception>
    Task RevokeInvitationAsync(string workspaceId, string invitationId, CancellationToken cancellationToken = default);
}
