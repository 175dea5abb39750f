namespace UserTypes.Stores;

internal sealed partial class InMemoryStore
{
    public Task<bool> AddTokenAsync(StoredToken token, int maxLive, int maxPerHour, AuditEntry? audit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tenant = TenantOf(token.WorkspaceId);
        lock (tenant.Gate)
        {
            var hourAgo = token.CreatedAt.AddHours(-1);
            tenant.Tokens.RemoveAll(issued => issued.Token.ExpiresAt <= token.CreatedAt && issued.Token.CreatedAt <= hourAgo);
            if (tenant.Tokens.Count(issued => issued.Token.Email == token.Email && issued.Token.Purpose == token.Purpose && issued.Token.CreatedAt > hourAgo) >= maxPerHour)
            {
                return Task.FromResult(false);
            }

            // The new token is the newest whatever the clock says; of the others, the newest maxLive - 1 stay usable.
            foreach (var old in tenant.Tokens.Where(issued => issued.Usable && issued.Token.Email == token.Email && issued.Token.Purpose == token.Purpose)
                .OrderByDescending(issued => issued.Token.CreatedAt).Skip(maxLive - 1))
            {
                old.Usable = false;
            }

            tenant.Tokens.Add(new IssuedToken(token));
            if (audit is not null)
            {
                tenant.Append([audit]);
            }

            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<StoredToken>> FindTokensAsync(string workspaceId, TokenPurpose purpose, string email, CancellationToken cancellationToken) =>
        FindTokens(workspaceId, token => token.Purpose == purpose && token.Email == email, cancellationToken);

    public Task<IReadOnlyList<StoredToken>> FindTokensForAccountAsync(string workspaceId, TokenPurpose purpose, string userId, CancellationToken cancellationToken) =>
        FindTokens(workspaceId, token => token.Purpose == purpose && token.UserId == userId, cancellationToken);

    public Task<IReadOnlyList<StoredToken>> ListTokensAsync(
        string workspaceId, TokenPurpose purpose, DateTimeOffset now, (DateTimeOffset CreatedAt, string Id)? after, int limit, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<StoredToken>>(
            workspaceId,
            tenant => [.. tenant.Tokens.Where(issued => issued.Usable).Select(issued => issued.Token)
                .Where(token => token.Purpose == purpose && token.ExpiresAt > now)
                .Where(token => after is not { } position || token.CreatedAt > position.CreatedAt
                    || (token.CreatedAt == position.CreatedAt && string.CompareOrdinal(token.Id, position.Id) > 0))
                .OrderBy(token => token.CreatedAt).ThenBy(token => token.Id, StringComparer.Ordinal)
                .Take(limit)],
            cancellationToken);

    public Task<bool> RevokeTokenAsync(string workspaceId, string tokenId, AuditEntry? audit, CancellationToken cancellationToken) =>
        Locked(
            workspaceId,
            tenant =>
            {
                var token = tenant.Tokens.Find(issued => issued.Usable && issued.Token.Id == tokenId);
                if (token is null)
                {
                    return false;
                }

                token.Usable = false;
                if (audit is not null)
                {
                    tenant.Append([audit]);
                }

                return true;
            },
            cancellationToken);

    private Task<IReadOnlyList<StoredToken>> FindTokens(string workspaceId, Func<StoredToken, bool> match, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<StoredToken>>(
            workspaceId,
            tenant => [.. tenant.Tokens.Where(issued => issued.Usable && match(issued.Token)).Select(issued => issued.Token).OrderByDescending(token => token.CreatedAt)],
            cancellationToken);

    // A token issued to an address: kept (unusable once used or dropped) until it expires, so the hourly count holds.
    private sealed class IssuedToken(StoredToken token)
    {
        public StoredToken Token { get; } = token;

        public bool Usable { get; set; } = true;
    }
}
