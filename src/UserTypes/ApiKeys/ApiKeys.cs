using System.Globalization;
using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// The default <see cref="IApiKeys"/>. Keys are made by <see cref="ApiKeyFormat"/> and kept by the store as hashes;
/// every change is written with its audit entry and signalled as a change of the key's account, which is what makes
/// <see cref="IAuthenticator.AuthenticateApiKeyAsync"/> drop what it remembered, here and on every other instance.
/// </summary>
internal sealed class ApiKeys(
    IApiKeyStore keys,
    IUserAccountStore users,
    WorkspaceLookupCache workspaces,
    LoginGate gate,
    AuditRecorder audit,
    IOptions<UserTypesOptions> options,
    TimeProvider time) : IApiKeys
{
    private const int MaxNameLength = 100;

    private readonly int _maxPerAccount = options.Value.ApiKeys.MaxPerAccount;

    public async Task<CreatedApiKey> CreateAsync(AuthenticatedUser user, string name, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        ThrowIfNotAnAccount(user);
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            throw new ArgumentException($"'name' must be 1 to {MaxNameLength} characters without control characters.", nameof(name));
        }

        var now = time.GetUtcNow();
        if (expiresAt <= now)
        {
            throw new ArgumentException("'expiresAt' must be in the future.", nameof(expiresAt));
        }

        if (user.ApiKeyId is not null)
        {
            throw new AccessDeniedException(null, "a key may not create keys: a leaked one could otherwise outlive its revocation.");
        }

        if (user.UserType == UserType.Anonymous)
        {
            throw new AccessDeniedException(null, "the anonymous account is what every call without credentials acts as; it has no keys.");
        }

        // The account as it is now: a key must not outlive what the user's login proved (a password changed since, a
        // disabled account), nor be made for an account that may not call as a service agent.
        var workspace = (await workspaces.GetAsync(user.WorkspaceId, cancellationToken).ConfigureAwait(false)).Workspace;
        var stored = await users.FindByIdAsync(user.WorkspaceId, user.UserId, cancellationToken).ConfigureAwait(false);
        if (stored?.Account is not { } account || account.SecurityStamp != user.SecurityStamp)
        {
            throw new AuthenticationFailedException(AuthenticationFailureReason.InvalidCredentials);
        }

        if (gate.Refusal(workspace, account, account.UserType, ClientKind.ServiceAgent) is { } refusal)
        {
            throw new AuthenticationFailedException(refusal);
        }

        var (id, key) = ApiKeyFormat.Create();
        var created = new StoredApiKey
        {
            Id = id,
            WorkspaceId = user.WorkspaceId,
            UserId = user.UserId,
            SecurityStamp = account.SecurityStamp,
            Name = name,
            Hash = ApiKeyFormat.Hash(key),
            CreatedAt = now,
            ExpiresAt = expiresAt?.ToUniversalTime(),
        };
        var entry = audit.Entry(user.WorkspaceId, AuditActions.ApiKeyCreated, user.UserId, user.UserId, $"API key {id} created for account {user.UserId}.");
        if (!await keys.AddApiKeyAsync(created, _maxPerAccount, entry, cancellationToken).ConfigureAwait(false))
        {
            // Deleted or changed in the meantime, or at the limit: the store tells one from the other by the account.
            if ((await users.FindByIdAsync(user.WorkspaceId, user.UserId, cancellationToken).ConfigureAwait(false))?.Account.SecurityStamp != account.SecurityStamp)
            {
                throw new AuthenticationFailedException(AuthenticationFailureReason.InvalidCredentials);
            }

            throw new AccessDeniedException(null, $"the account holds {_maxPerAccount} keys already (ApiKeyOptions.MaxPerAccount); revoke one first.");
        }

        audit.Written(entry);
        return new CreatedApiKey(Describe(created), key);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(AuthenticatedUser user, CancellationToken cancellationToken = default)
    {
        ThrowIfNotAnAccount(user);

        // Unexpired keys are bounded by the limit, and the expired ones are purged whenever a key is added.
        var found = await keys.ListApiKeysAsync(user.WorkspaceId, user.UserId, after: null, 2 * _maxPerAccount, cancellationToken).ConfigureAwait(false);
        return [.. found.Select(Describe)];
    }

    public async Task RevokeAsync(AuthenticatedUser user, string keyId, CancellationToken cancellationToken = default)
    {
        ThrowIfNotAnAccount(user);
        Identifier.ThrowIfInvalid(keyId, nameof(keyId));
        await RemoveAsync(user.WorkspaceId, user.UserId, keyId, user.UserId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiKeyPage> ListWorkspaceKeysAsync(string workspaceId, ApiKeyQuery query, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > 1000)
        {
            throw new ArgumentException($"'query' is not valid: PageSize must be between 1 and 1000 (was {query.PageSize}).", nameof(query));
        }

        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var scope = string.Join('\u0001', workspaceId, "api-keys", query.PageSize.ToString(CultureInfo.InvariantCulture));
        var after = ContinuationToken.ReadInstant(query.ContinuationToken, scope);
        var found = await keys.ListApiKeysAsync(workspaceId, userId: null, after, query.PageSize + 1, cancellationToken).ConfigureAwait(false);
        var page = found.Take(query.PageSize).Select(Describe).ToList();
        var next = found.Count > query.PageSize
            ? ContinuationToken.Create(scope, page[^1].CreatedAt, page[^1].Id)
            : null;
        return new ApiKeyPage(page, next);
    }

    public async Task RevokeWorkspaceKeyAsync(string workspaceId, string keyId, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        Identifier.ThrowIfInvalid(keyId, nameof(keyId));
        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var key = await keys.FindApiKeyAsync(workspaceId, keyId, cancellationToken).ConfigureAwait(false)
            ?? throw NoSuchKey(workspaceId);
        await RemoveAsync(workspaceId, key.UserId, keyId, audit.TrustedActorIn(workspaceId), cancellationToken).ConfigureAwait(false);
    }

    private async Task RemoveAsync(string workspaceId, string userId, string keyId, string? actorUserId, CancellationToken cancellationToken)
    {
        var entry = audit.Entry(workspaceId, AuditActions.ApiKeyRevoked, actorUserId, userId, $"API key {keyId} of account {userId} revoked.");
        if (!await keys.RemoveApiKeyAsync(workspaceId, userId, keyId, entry, cancellationToken).ConfigureAwait(false))
        {
            throw NoSuchKey(workspaceId);
        }

        audit.Written(entry);
    }

    private static void ThrowIfNotAnAccount(AuthenticatedUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsImplicitAnonymous)
        {
            throw new ArgumentException("The implicit anonymous user stands in for calls without credentials and has no keys.", nameof(user));
        }
    }

    private static ArgumentException NoSuchKey(string workspaceId) =>
        new($"Workspace '{workspaceId}' has no API key with that id for this account.", "keyId");

    private static ApiKey Describe(StoredApiKey key) => new(key.Id, key.UserId, key.Name, key.CreatedAt, key.ExpiresAt);
}
