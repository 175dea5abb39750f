namespace UserTypes.Stores;

internal sealed partial class InMemoryStore
{
    public Task<UserStoreResult> CreateAsync(StoredUser user, int? seatLimit, string? consumedTokenId, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
        Write(user, expectedVersion: null, seatLimit, consumedTokenId, link: null, audit, cancellationToken);

    public Task<UserStoreResult> UpdateAsync(StoredUser user, long expectedVersion, int? seatLimit, string? consumedTokenId, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
        Write(user, expectedVersion, seatLimit, consumedTokenId, link: null, audit, cancellationToken);

    public Task<UserStoreResult> SetAnonymousAsync(StoredUser user, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var workspaceId = user.Account.WorkspaceId;
        var tenant = TenantOf(workspaceId);
        lock (tenant.Gate)
        {
            var anonymous = tenant.Anonymous;
            var expected = anonymous is null
                ? user.Account.Version == 1
                : anonymous.Account.Id == user.Account.Id && anonymous.Account.Version == user.Account.Version - 1;
            if (!expected)
            {
                return Task.FromResult(UserStoreResult.Conflict);
            }

            if (tenant.Clash(user, except: anonymous?.Account.Id) is { } clash)
            {
                return Task.FromResult(clash);
            }

            if (anonymous is not null)
            {
                tenant.Remove(anonymous);
            }

            tenant.Write(user, previous: null);
            tenant.Append(audit);
        }

        // Another account may have stopped being the anonymous one: the workspace's accounts changed.
        changes.WorkspaceChanged(workspaceId);
        return Task.FromResult(UserStoreResult.Succeeded);
    }

    public Task<UserStoreResult> DeleteAsync(string workspaceId, string userId, long expectedVersion, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tenant = TenantOf(workspaceId);
        lock (tenant.Gate)
        {
            if (!tenant.ById.TryGetValue(userId, out var previous) || previous.Account.Version != expectedVersion)
            {
                return Task.FromResult(UserStoreResult.Conflict);
            }

            if (AdministratorGate.Removes(previous, next: null) && tenant.EnabledAdministrators(except: userId) == 0)
            {
                return Task.FromResult(UserStoreResult.LastAdministrator);
            }

            tenant.Remove(previous);
            tenant.Attempts.Remove(LoginAttemptKeys.ForAccount(userId));
            tenant.Sessions.Remove(userId);
            tenant.RemoveApiKeysOf(userId);
            tenant.RemoveIdentitiesOf(userId);
            tenant.Append(audit);
        }

        changes.AccountChanged(workspaceId, userId);
        return Task.FromResult(UserStoreResult.Succeeded);
    }

    public Task<StoredUser?> FindByIdAsync(string workspaceId, string userId, CancellationToken cancellationToken) =>
        Locked(workspaceId, tenant => tenant.Shown(tenant.ById.GetValueOrDefault(userId), time.GetUtcNow()), cancellationToken);

    public Task<StoredUser?> FindByUserNameAsync(string workspaceId, string normalizedUserName, CancellationToken cancellationToken) =>
        Locked(workspaceId, tenant => tenant.Shown(tenant.IdByName.TryGetValue(normalizedUserName, out var id) ? tenant.ById[id] : null, time.GetUtcNow()), cancellationToken);

    public Task<StoredUser?> FindByEmailAsync(string workspaceId, string email, CancellationToken cancellationToken) =>
        Locked(workspaceId, tenant => tenant.Shown(tenant.IdByEmail.TryGetValue(email, out var id) ? tenant.ById[id] : null, time.GetUtcNow()), cancellationToken);

    public Task<IReadOnlyList<StoredUser>> ListAsync(string workspaceId, UserListFilter filter, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<StoredUser>>(
            workspaceId,
            tenant => tenant.ById.Values
                .Where(user => (filter.UserType is null || user.Account.UserType == filter.UserType)
                    && (filter.Enabled is null || user.Account.Enabled == filter.Enabled)
                    && (filter.PersonId is null || user.Account.PersonId == filter.PersonId)
                    && (filter.UserNamePrefix is null
                        || user.NormalizedUserName.StartsWith(filter.UserNamePrefix, StringComparison.Ordinal)
                        || user.Account.Email?.StartsWith(filter.EmailPrefix ?? filter.UserNamePrefix, StringComparison.Ordinal) == true)
                    && (filter.After is not { } after || IsAfter(user, after)))
                .OrderBy(user => user.NormalizedUserName, StringComparer.Ordinal)
                .ThenBy(user => user.Account.Id, StringComparer.Ordinal)
                .Take(filter.Limit)
                .Select(user => tenant.Shown(user, time.GetUtcNow())!)
                .ToList(),
            cancellationToken);

    public Task<StoredUser?> FindAnonymousAsync(string workspaceId, CancellationToken cancellationToken) =>
        Locked(workspaceId, tenant => tenant.Shown(tenant.Anonymous, time.GetUtcNow()), cancellationToken);

    private static bool IsAfter(StoredUser user, (string NormalizedUserName, string Id) position)
    {
        var byName = string.CompareOrdinal(user.NormalizedUserName, position.NormalizedUserName);
        return byName > 0 || (byName == 0 && string.CompareOrdinal(user.Account.Id, position.Id) > 0);
    }

    public Task<SeatCounts> CountSeatsAsync(string workspaceId, CancellationToken cancellationToken) =>
        Locked(workspaceId, tenant => tenant.Seats, cancellationToken);

    public Task<ReclassificationReport?> ReclassifyAsync(string workspaceId, long workspaceVersion, Func<string, UserType> classify, AuditEntry audit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tenant = TenantOf(workspaceId);
        ReclassificationReport report;
        lock (tenant.Gate)
        {
            if (tenant.ClassifiedVersion > workspaceVersion)
            {
                return Task.FromResult<ReclassificationReport?>(null);
            }

            // Decide every account first: if classify throws, nothing has been written.
            var classified = tenant.ById.Values.Where(user => user.Account is { UserTypeSource: UserTypeSource.Classified, Email: not null }).ToList();
            var changed = Reclassification.Decide(classified, classify, tenant.EnabledAdministrators(except: null));

            foreach (var user in changed)
            {
                tenant.Write(user, tenant.ById[user.Account.Id]);
            }

            tenant.Append(Reclassification.AuditOf(audit, classified, changed));

            tenant.ClassifiedVersion = workspaceVersion;
            report = new ReclassificationReport
            {
                Examined = classified.Count,
                BecameInternal = changed.Count(u => u.Account.UserType == UserType.Internal),
                BecameExternal = changed.Count(u => u.Account.UserType == UserType.External),
                InternalUsers = tenant.Seats.Internal,
                ExternalUsers = tenant.Seats.External,
            };
        }

        if (report.BecameInternal + report.BecameExternal > 0)
        {
            changes.WorkspaceChanged(workspaceId);
        }

        return Task.FromResult<ReclassificationReport?>(report);
    }

    // A new account's identity link, if any, is written with it or not at all.
    private Task<UserStoreResult> Write(
        StoredUser user, long? expectedVersion, int? seatLimit, string? consumedTokenId, StoredIdentityLink? link, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var account = user.Account;
        var tenant = TenantOf(account.WorkspaceId);
        lock (tenant.Gate)
        {
            var previous = tenant.ById.GetValueOrDefault(account.Id);
            var token = consumedTokenId is null ? null : tenant.Tokens.Find(issued => issued.Token.Id == consumedTokenId && issued.Usable);
            var result = (expectedVersion, previous) switch
            {
                _ when consumedTokenId is not null && token is null => UserStoreResult.TokenUsed,
                (null, not null) => UserStoreResult.Conflict,
                ({ } expected, _) when previous?.Account.Version != expected => UserStoreResult.Conflict,
                _ when link is not null && tenant.Identities.ContainsKey((link.Issuer, link.Subject)) => UserStoreResult.IdentityTaken,
                _ when tenant.Clash(user, except: account.Id) is { } clash => clash,
                _ when !SeatGate.Admits(tenant.Seats, previous?.Account, account, seatLimit) => UserStoreResult.SeatLimitReached,
                _ when previous is not null && AdministratorGate.Removes(previous, user) && tenant.EnabledAdministrators(except: account.Id) == 0 => UserStoreResult.LastAdministrator,
                _ => UserStoreResult.Succeeded,
            };
            if (result != UserStoreResult.Succeeded)
            {
                return Task.FromResult(result);
            }

            tenant.Write(user, previous);
            token?.Usable = false;
            if (link is not null)
            {
                tenant.Identities.Add((link.Issuer, link.Subject), link);
            }

            tenant.Append(audit);
        }

        changes.AccountChanged(account.WorkspaceId, account.Id);
        return Task.FromResult(UserStoreResult.Succeeded);
    }

    // One workspace's accounts. Every member is used only under Gate.
    private sealed class Tenant
    {
        public Lock Gate { get; } = new();

        public Dictionary<string, StoredUser> ById { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> IdByName { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> IdByEmail { get; } = new(StringComparer.Ordinal);

        public List<IssuedToken> Tokens { get; } = [];

        public Dictionary<string, LoginAttemptRecord> Attempts { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<StoredSession>> Sessions { get; } = new(StringComparer.Ordinal);

        // By key id.
        public Dictionary<string, StoredApiKey> ApiKeys { get; } = new(StringComparer.Ordinal);

        // By issuer and subject.
        public Dictionary<(string Issuer, string Subject), StoredIdentityLink> Identities { get; } = [];

        public SeatCounts Seats { get; private set; }

        public long ClassifiedVersion { get; set; }

        // The workspace's audit trail, oldest first; sequences handed out under Gate, so they grow in commit order.
        public List<AuditEntry> Audit { get; } = [];

        private long AuditSequence { get; set; }

        public void RemoveApiKeysOf(string userId, IReadOnlyCollection<StoredApiKey>? except = null)
        {
            foreach (var key in ApiKeys.Values.Where(key => key.UserId == userId && except?.Contains(key) != true).ToList())
            {
                ApiKeys.Remove(key.Id);
            }
        }

        public void RemoveIdentitiesOf(string userId)
        {
            foreach (var link in Identities.Values.Where(link => link.UserId == userId).ToList())
            {
                Identities.Remove((link.Issuer, link.Subject));
            }
        }

        public void Append(IReadOnlyList<AuditEntry> entries)
        {
            foreach (var entry in entries)
            {
                Audit.Add(entry with { Sequence = ++AuditSequence });
            }
        }

        // The one anonymous account, kept beside the others so that finding it does not scan the workspace.
        public StoredUser? Anonymous => AnonymousId is { } id ? ById[id] : null;

        private string? AnonymousId { get; set; }

        // An account as a read shows it: with the failures and lock of its own login-attempt record at that moment.
        public StoredUser? Shown(StoredUser? user, DateTimeOffset now)
        {
            if (user is null)
            {
                return null;
            }

            return user with { Account = LoginAttemptRecord.Show(user.Account, Attempts.GetValueOrDefault(LoginAttemptKeys.ForAccount(user.Account.Id)), now) };
        }

        public int EnabledAdministrators(string? except) => ById.Values.Count(user => user.IsEnabledAdministrator && user.Account.Id != except);

        // The unique key another account (not except) holds: the user name first, then the address.
        public UserStoreResult? Clash(StoredUser user, string? except)
        {
            if (IdByName.TryGetValue(user.NormalizedUserName, out var nameHolder) && nameHolder != except)
            {
                return UserStoreResult.UserNameTaken;
            }

            return user.Account.Email is { } email && IdByEmail.TryGetValue(email, out var emailHolder) && emailHolder != except
                ? UserStoreResult.EmailTaken
                : null;
        }

        public void Write(StoredUser user, StoredUser? previous)
        {
            if (previous is not null)
            {
                Remove(previous);
            }

            ById[user.Account.Id] = user;
            IdByName[user.NormalizedUserName] = user.Account.Id;
            if (user.Account.Email is { } email)
            {
                IdByEmail[email] = user.Account.Id;
            }

            Count(user.Account.Seat, +1);
            if (user.Account.UserType == UserType.Anonymous)
            {
                AnonymousId = user.Account.Id;
            }
        }

        public void Remove(StoredUser user)
        {
            ById.Remove(user.Account.Id);
            IdByName.Remove(user.NormalizedUserName);
            if (user.Account.Email is { } email)
            {
                IdByEmail.Remove(email);
            }

            Count(user.Account.Seat, -1);
            if (AnonymousId == user.Account.Id)
            {
                AnonymousId = null;
            }
        }

        private void Count(UserType? seat, int delta) => Seats = seat switch
        {
            UserType.Internal => Seats with { Internal = Seats.Internal + delta },
            UserType.External => Seats with { External = Seats.External + delta },
            _ => Seats,
        };
    }
}
