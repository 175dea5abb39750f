namespace UserTypes;

internal sealed partial class UserDirectory
{
    // At most this many tokens of one address and purpose can be used at once; an older one stops working.
    private const int MaxLiveTokens = 3;

    private IAccountMailer Mailer => mailers.LastOrDefault() is { } mailer && options.Value.Mail.Enabled
        ? mailer
        : throw new InvalidOperationException("The mailbox flows are off (UserTypesOptions.Mail.Enabled), or no IAccountMailer is registered.");

    // Issues a token bound to its purpose, workspace and address (and for a reset to the account and its stamp), and
    // mails it, or mails the notice instead when there is nothing the token could do. Either way the same work is done:
    // one token hashed, one row written, one mail; past the hourly cap of the address, neither row nor mail.
    // Returns the token stored, or null past the cap.
    private async Task<StoredToken?> IssueAsync(
        string workspaceId,
        TokenPurpose purpose,
        string email,
        TimeSpan lifetime,
        UserAccount? account,
        AccountMailKind mailWithToken,
        AccountMailKind? notice,
        CancellationToken cancellationToken,
        string? payload = null,
        int maxLive = MaxLiveTokens,
        int? maxPerHour = null,
        Func<string, AuditEntry>? audited = null)
    {
        var mailer = Mailer;
        var now = time.GetUtcNow();
        var token = AccountToken.Create(out var hash);
        var stored = new StoredToken
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            WorkspaceId = workspaceId,
            Purpose = purpose,
            Email = email,
            Hash = hash,
            UserId = account?.Id,
            SecurityStamp = account?.SecurityStamp,
            Payload = payload,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        var entry = audited?.Invoke(stored.Id);
        if (!await tokens.AddTokenAsync(stored, maxLive, maxPerHour ?? options.Value.Mail.MaxPerAddressPerHour, entry, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        audit.Written(entry);
        var mail = notice is { } kind
            ? new AccountMail(workspaceId, email, kind)
            : new AccountMail(workspaceId, email, mailWithToken, account?.Id, token, stored.ExpiresAt);
        await mailer.SendAsync(mail, CancellationToken.None).ConfigureAwait(false);
        return stored;
    }

    // The workspace of a flow anyone may start, or null when there is none: an unknown workspace answers like a known
    // one (a token is made all the same, and nothing is stored or sent), so these flows cannot probe which exist.
    private async Task<WorkspaceLookup?> AnonymousWorkspaceAsync(string workspaceId, CancellationToken cancellationToken)
    {
        try
        {
            return await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkspaceNotFoundException)
        {
            _ = AccountToken.Create(out _);
            return null;
        }
    }

    // The workspace of a flow that redeems a token: an unknown one is the same refusal as a wrong token, so a made-up
    // token cannot probe which workspaces exist.
    private async Task<WorkspaceLookup> TokenWorkspaceAsync(string workspaceId, CancellationToken cancellationToken)
    {
        try
        {
            return await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkspaceNotFoundException)
        {
            throw AccountToken.Refused();
        }
    }

    // The usable token among the candidates that the caller holds, or the one refusal.
    private async Task<StoredToken> RedeemAsync(Task<IReadOnlyList<StoredToken>> candidates, string token) =>
        AccountToken.Match(token, await candidates.ConfigureAwait(false), time.GetUtcNow()) ?? throw AccountToken.Refused();

    // A notice about a change already committed: the change stands even if the notice cannot be sent now.
    private Task NotifyAsync(UserAccount account, AccountMailKind kind, string? email = null) =>
        (email ?? account.Email) is { } address && options.Value.Mail.Enabled && mailers.LastOrDefault() is { } mailer
            ? mailer.SendAsync(new AccountMail(account.WorkspaceId, address, kind, account.Id), CancellationToken.None)
            : Task.CompletedTask;
}
