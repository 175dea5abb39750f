namespace UserTypes.Stores;

internal sealed partial class InMemoryStore
{
    public Task<string?> FindIdentityAsync(string workspaceId, string issuer, string subject, CancellationToken cancellationToken) =>
        Locked(workspaceId, tenant => tenant.Identities.GetValueOrDefault((issuer, subject))?.UserId, cancellationToken);

    public Task<IReadOnlyList<StoredIdentityLink>> ListIdentitiesAsync(string workspaceId, string userId, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<StoredIdentityLink>>(
            workspaceId,
            tenant => [.. tenant.Identities.Values.Where(link => link.UserId == userId).OrderBy(link => link.CreatedAt)],
            cancellationToken);

    public Task<UserStoreResult> CreateLinkedAsync(StoredUser user, StoredIdentityLink link, int? seatLimit, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(link);
        return Write(user, expectedVersion: null, seatLimit, consumedTokenId: null, link, audit, cancellationToken);
    }

    public Task<UserStoreResult> LinkIdentityAsync(StoredIdentityLink link, string securityStamp, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        return Locked(
            link.WorkspaceId,
            tenant =>
            {
                if (tenant.Identities.TryGetValue((link.Issuer, link.Subject), out var existing))
                {
                    return existing.UserId == link.UserId ? UserStoreResult.Succeeded : UserStoreResult.IdentityTaken;
                }

                if (tenant.ById.GetValueOrDefault(link.UserId)?.Account is not { Enabled: true } account || account.SecurityStamp != securityStamp)
                {
                    return UserStoreResult.Conflict;
                }

                tenant.Identities.Add((link.Issuer, link.Subject), link);
                tenant.Append(audit);
                return UserStoreResult.Succeeded;
            },
            cancellationToken);
    }

    public Task<UserStoreResult> UnlinkIdentityAsync(string workspaceId, string userId, string issuer, string subject, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
        Locked(
            workspaceId,
            tenant =>
            {
                if (!tenant.Identities.TryGetValue((issuer, subject), out var link) || link.UserId != userId)
                {
                    return UserStoreResult.Conflict;
                }

                if (tenant.ById.TryGetValue(userId, out var user)
                    && user.PasswordHash.Length == 0
                    && tenant.Identities.Values.Count(other => other.UserId == userId) == 1)
                {
                    return UserStoreResult.LastSignInMethod;
                }

                tenant.Identities.Remove((issuer, subject));
                tenant.Append(audit);
                return UserStoreResult.Succeeded;
            },
            cancellationToken);
}
