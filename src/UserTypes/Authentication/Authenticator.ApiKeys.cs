namespace UserTypes;

internal sealed partial class Authenticator
{
    public ValueTask<AuthenticatedUser> AuthenticateApiKeyAsync(string workspaceId, string apiKey, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        ArgumentNullException.ThrowIfNull(apiKey);
        if (!ApiKeyFormat.TryReadId(apiKey, out var keyId))
        {
            throw Fail(workspaceId, null, AuthenticationFailureReason.InvalidCredentials, null, ClientKind.ServiceAgent);
        }

        var now = _time.GetUtcNow();
        return _keyCache.TryGet(keyId, now, out var entry)
            ? ValueTask.FromResult(Judge(workspaceId, apiKey, entry, now))
            : ReadApiKeyAsync(workspaceId, apiKey, keyId.ToString(), now, cancellationToken);
    }

    private async ValueTask<AuthenticatedUser> ReadApiKeyAsync(string workspaceId, string apiKey, string keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        WorkspaceRecord workspace;
        try
        {
            workspace = (await _workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false)).Workspace;
        }
        catch (WorkspaceNotFoundException)
        {
            throw Fail(workspaceId, null, AuthenticationFailureReason.UnknownWorkspace, null, ClientKind.ServiceAgent);
        }

        // Read once to learn the account, then again after the account's generation: a revocation that races with
        // this read either shows in the second read or moves the generation past the entry.
        if (await _keys.FindApiKeyAsync(workspaceId, keyId, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            throw Fail(workspaceId, null, AuthenticationFailureReason.InvalidCredentials, null, ClientKind.ServiceAgent);
        }

        var generation = _keyCache.GenerationOf(workspaceId, owner.UserId);
        var key = await _keys.FindApiKeyAsync(workspaceId, keyId, cancellationToken).ConfigureAwait(false);
        var stored = key is null ? null : await _users.FindByIdAsync(workspaceId, key.UserId, cancellationToken).ConfigureAwait(false);
        if (key is null || stored is null)
        {
            throw Fail(workspaceId, null, AuthenticationFailureReason.InvalidCredentials, null, ClientKind.ServiceAgent);
        }

        // A key made under another stamp died with the sessions of that time (a new password, signing out everywhere).
        var account = stored.Account;
        var refusal = _gate.Refusal(workspace, account, account.UserType, ClientKind.ServiceAgent)
            ?? (account.SecurityStamp != key.SecurityStamp ? AuthenticationFailureReason.InvalidCredentials : null);
        var user = refusal is null
            ? _rights.UserOf(account, apiKeyId: keyId)
            : null;
        var entry = new ApiKeyEntry(
            workspaceId, key.UserId, key.Hash, key.ExpiresAt, generation, workspace.Version,
            AccountGenerations.ValidUntil(workspace, now, AccountGenerations.MaxAge), user, refusal ?? default);
        _keyCache.Set(keyId, entry);
        return Judge(workspaceId, apiKey, entry, now);
    }

    // Whether the key proves the entry's user now. Only a key whose hash matches learns why it is refused (in the
    // logs and metrics): the answer is the same either way.
    private AuthenticatedUser Judge(string workspaceId, string apiKey, ApiKeyEntry entry, DateTimeOffset now)
    {
        if (entry.WorkspaceId != workspaceId || !ApiKeyFormat.Matches(apiKey, entry.Hash) || entry.ExpiresAt <= now)
        {
            throw Fail(workspaceId, null, AuthenticationFailureReason.InvalidCredentials, null, ClientKind.ServiceAgent);
        }

        if (entry.User is not { } user)
        {
            throw Fail(workspaceId, null, entry.Refusal, null, ClientKind.ServiceAgent);
        }

        return Succeeded(workspaceId, user, ClientKind.ServiceAgent);
    }
}
