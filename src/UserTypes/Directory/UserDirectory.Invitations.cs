using System.Globalization;
using System.Text.Json;

namespace UserTypes;

internal sealed partial class UserDirectory
{
    // One pending invitation per address: inviting again replaces it.
    private const int LiveInvitationsPerAddress = 1;

    public async Task<PendingInvitation> InviteExternalUserAsync(AuthenticatedUser actor, string personId, string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Identifier.ThrowIfInvalid(personId, nameof(personId));
        var address = EmailAddress.Parse(email, nameof(email));
        _ = Mailer;
        var lookup = await workspaces.GetAsync(actor.WorkspaceId, cancellationToken).ConfigureAwait(false);
        await RequireActorAsync(actor, FunctionalRights.CreateExternalUsers, cancellationToken).ConfigureAwait(false);
        licenses.ThrowIfExternalUsersNotAllowed(lookup.Workspace);
        if (lookup.Classify(address.Domain).Classification.UserType == UserType.Internal)
        {
            throw new ArgumentException("'email' classifies as internal in this workspace: invite it as an internal user, or let the person sign up.", nameof(email));
        }

        return await InviteAsync(actor.WorkspaceId, address, new Invitation(UserType.External, personId, actor.UserId, null), actor.UserId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PendingInvitation> InviteInternalUserAsync(string workspaceId, string email, RightsGrant? rights = null, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        var address = EmailAddress.Parse(email, nameof(email));
        var grant = ValidGrant(rights ?? RightsGrant.Empty, nameof(rights));
        rightsPolicy.ThrowIfAboveCeiling(UserType.Internal, grant);
        _ = Mailer;
        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        return await InviteAsync(workspaceId, address, new Invitation(UserType.Internal, null, null, grant), audit.TrustedActorIn(workspaceId), cancellationToken, maxPerHour: int.MaxValue).ConfigureAwait(false);
    }

    public async Task<UserAccount> AcceptInvitationAsync(string workspaceId, string email, string token, string? userName, string password, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        var address = EmailAddress.Parse(email, nameof(email));
        ArgumentNullException.ThrowIfNull(token);
        UserName.ThrowIfInvalidFor(userName ?? address.Value, address, nameof(userName));
        passwords.ThrowIfInvalid(password, userName ?? address.Value, address.Value);
        var lookup = await TokenWorkspaceAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var redeemed = await RedeemAsync(tokens.FindTokensAsync(workspaceId, TokenPurpose.Invitation, address.Value, cancellationToken), token).ConfigureAwait(false);
        var invitation = Invitation.Read(redeemed.Payload);

        // Everything is checked again now: the inviter may have lost the right, the host or the licence changed.
        if (invitation.Type == UserType.External)
        {
            await RequireActorAsync(workspaceId, invitation.InvitedBy, FunctionalRights.CreateExternalUsers, cancellationToken).ConfigureAwait(false);
            licenses.ThrowIfExternalUsersNotAllowed(lookup.Workspace);
        }

        var user = await NewUserAsync(workspaceId, userName ?? address.Value, address.Value, invitation.Type, UserTypeSource.Assigned, password, cancellationToken).ConfigureAwait(false);
        user = rightsPolicy.WithAdministrator(user with
        {
            Account = user.Account with { EmailConfirmed = true, PersonId = invitation.PersonId, Rights = invitation.Rights ?? RightsGrant.Empty },
        });
        var limit = LicenseGate.SeatLimit(lookup.Workspace.License, invitation.Type);
        var id = user.Account.Id;
        AuditEntry[] entries =
        [
            audit.Created(user.Account, id),
            audit.Entry(workspaceId, AuditActions.InvitationAccepted, id, id, $"Invitation {redeemed.Id} accepted: account {id} created from it."),
        ];
        var result = await users.CreateAsync(user, limit, redeemed.Id, entries, cancellationToken).ConfigureAwait(false);
        if (result is UserStoreResult.EmailTaken or UserStoreResult.TokenUsed || (result == UserStoreResult.UserNameTaken && userName is null))
        {
            // The address was taken meanwhile, or the token used: the one refusal.
            throw AccountToken.Refused();
        }

        ThrowIfRefused(result, user.Account, limit);
        audit.Written(entries);
        return user.Account;
    }

    public async Task<InvitationPage> ListInvitationsAsync(string workspaceId, InvitationQuery query, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > 1000)
        {
            throw new ArgumentException($"'query' is not valid: PageSize must be between 1 and 1000 (was {query.PageSize}).", nameof(query));
        }

        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var scope = string.Join('\u0001', workspaceId, "invitations", query.PageSize.ToString(CultureInfo.InvariantCulture));
        var after = ContinuationToken.ReadInstant(query.ContinuationToken, scope);
        var found = await tokens.ListTokensAsync(workspaceId, TokenPurpose.Invitation, time.GetUtcNow(), after, query.PageSize + 1, cancellationToken).ConfigureAwait(false);
        var page = found.Take(query.PageSize).Select(Pending).ToList();
        var next = found.Count > query.PageSize
            ? ContinuationToken.Create(scope, page[^1].CreatedAt, page[^1].Id)
            : null;
        return new InvitationPage(page, next);
    }

    public async Task RevokeInvitationAsync(string workspaceId, string invitationId, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        Identifier.ThrowIfInvalid(invitationId, nameof(invitationId));
        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var entry = audit.Entry(workspaceId, AuditActions.InvitationRevoked, audit.TrustedActorIn(workspaceId), null, $"Invitation {invitationId} revoked.");
        if (!await tokens.RevokeTokenAsync(workspaceId, invitationId, entry, cancellationToken).ConfigureAwait(false))
        {
            throw new ArgumentException($"Workspace '{workspaceId}' has no pending invitation with that id.", nameof(invitationId));
        }

        audit.Written(entry);
    }

    private async Task<PendingInvitation> InviteAsync(
        string workspaceId, EmailAddress address, Invitation invitation, string? actorUserId, CancellationToken cancellationToken, int? maxPerHour = null)
    {
        if (await users.FindByEmailAsync(workspaceId, address.Value, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new EmailTakenException(workspaceId);
        }

        // Inviting again replaces the pending invitation: the trail says which one it ends.
        var now = time.GetUtcNow();
        var replaced = (await tokens.FindTokensAsync(workspaceId, TokenPurpose.Invitation, address.Value, cancellationToken).ConfigureAwait(false))
            .Where(token => token.ExpiresAt > now)
            .Select(token => token.Id)
            .ToList();

        var issued = await IssueAsync(
            workspaceId,
            TokenPurpose.Invitation,
            address.Value,
            options.Value.Tokens.InvitationLifetime,
            account: null,
            AccountMailKind.Invitation,
            notice: null,
            cancellationToken,
            invitation.Write(),
            LiveInvitationsPerAddress,
            maxPerHour,
            id => audit.Entry(
                workspaceId,
                AuditActions.InvitationCreated,
                actorUserId,
                null,
                $"Invitation {id} created for an {AuditRecorder.Type(invitation.Type)} user"
                    + (invitation.PersonId is { } person ? $", person {AuditRecorder.Name(person)}" : string.Empty)
                    + (invitation.Rights is { IsEmpty: false } rights ? $", to be granted {AuditRecorder.Rights(rights)}." : ".")
                    + (replaced.Count > 0 ? $" It replaces invitation {string.Join(", ", replaced)}." : string.Empty))).ConfigureAwait(false);

        // The inviter is no anonymous caller: telling them the address's mail quota is spent hides nothing from anyone.
        return issued is null
            ? throw new ArgumentException($"'email' was sent {options.Value.Mail.MaxPerAddressPerHour} mails in the last hour; invite it again later.", "email")
            : Pending(issued);
    }

    private static PendingInvitation Pending(StoredToken token)
    {
        var invitation = Invitation.Read(token.Payload);
        return new PendingInvitation(token.Id, token.WorkspaceId, token.Email, invitation.Type, invitation.PersonId, invitation.InvitedBy, token.CreatedAt, token.ExpiresAt);
    }

    // An invitation's terms, kept with its token.
    private sealed record Invitation(UserType Type, string? PersonId, string? InvitedBy, RightsGrant? Rights)
    {
        public string Write() => JsonSerializer.Serialize(new Terms(
            Type,
            PersonId,
            InvitedBy,
            Rights is null ? null : [.. Rights.FunctionalRights.Order(StringComparer.Ordinal)],
            Rights?.DataRights.ToDictionary(entry => entry.Key, entry => entry.Value)));

        public static Invitation Read(string? payload)
        {
            var terms = JsonSerializer.Deserialize<Terms>(payload ?? "null") ?? throw new InvalidDataException("An invitation's token carries no terms.");
            var rights = terms.FunctionalRights is null && terms.DataRights is null
                ? null
                : RightsAlgebra.Normalize(new RightsGrant
                {
                    FunctionalRights = (terms.FunctionalRights ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase),
                    DataRights = terms.DataRights ?? [],
                });
            return new Invitation(terms.Type, terms.PersonId, terms.InvitedBy, rights);
        }

        private sealed record Terms(UserType Type, string? PersonId, string? InvitedBy, string[]? FunctionalRights, Dictionary<string, DataRights>? DataRights);
    }
}
