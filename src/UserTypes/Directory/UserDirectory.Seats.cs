namespace UserTypes;

internal sealed partial class UserDirectory
{
    public async Task<UserAccount> SetEnabledAsync(string workspaceId, string userId, bool enabled, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        Identifier.ThrowIfInvalid(userId, nameof(userId));
        var lookup = await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);

        return await UpdateAsync(
            workspaceId,
            userId,
            user =>
            {
                if (user.Account.Enabled == enabled)
                {
                    return user;
                }

                if (enabled && user.Account.UserType == UserType.External)
                {
                    licenses.ThrowIfExternalUsersNotAllowed(lookup.Workspace);
                }

                // Disabling ends the account's sessions.
                var stamp = enabled ? user.Account.SecurityStamp : UserAccount.NewSecurityStamp();
                return user with { Account = user.Account with { Enabled = enabled, SecurityStamp = stamp } };
            },
            lookup.Workspace.License,
            audit.TrustedActorIn(workspaceId),
            cancellationToken).ConfigureAwait(false);
    }

    public Task<ReclassificationReport> ReclassifyAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        return reclassifier.RunAsync(workspaceId, cancellationToken);
    }

    public async Task<SeatUsage> GetSeatUsageAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        var lookup = await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var inUse = await seats.CountSeatsAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var license = lookup.Workspace.License;
        return new SeatUsage(inUse.Internal, inUse.External, license.MaxInternalUsers, license.MaxExternalUsers);
    }
}
