using System.Collections.Concurrent;

namespace UserTypes;

/// <summary>
/// The in-memory account store for tests and demos. Each workspace's accounts sit behind one lock, so every call
/// is atomic; seat counts are kept as running totals, so the seat gate does not scan the accounts.
/// </summary>
internal sealed class InMemoryUserStore : IUserStore
{
    private readonly ConcurrentDictionary<string, Tenant> _tenants = new(StringComparer.Ordinal);

    public Task<UserStoreResult> CreateAsync(StoredUser user, int? seatLimit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tenant = TenantOf(user.Account.WorkspaceId);
        lock (tenant.Gate)
        {
            var result = tenant.ById.ContainsKey(user.Account.Id) ? UserStoreResult.Conflict : tenant.CanWrite(user, previous: null, seatLimit);
            if (result == UserStoreResult.Succeeded)
            {
                tenant.Write(user, previous: null);
            }

            return Task.FromResult(result);
        }
    }

    public Task<UserStoreResult> UpdateAsync(StoredUser user, long expectedVersion, int? seatLimit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tenant = TenantOf(user.Account.WorkspaceId);
        lock (tenant.Gate)
        {
            if (!tenant.ById.TryGetValue(user.Account.Id, out var previous) || previous.Account.Version != expectedVersion)
            {
                return Task.FromResult(UserStoreResult.Conflict);
            }

            var result = tenant.CanWrite(user, previous, seatLimit);
            if (result == UserStoreResult.Succeeded)
            {
                tenant.Write(user, previous);
            }

            return Task.FromResult(result);
        }
    }

    public Task<UserStoreResult> SetAnonymousAsync(StoredUser user, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tenant = TenantOf(user.Account.WorkspaceId);
        lock (tenant.Gate)
        {
            var anonymous = tenant.Anonymous;
            if (tenant.IdByName.TryGetValue(user.NormalizedUserName, out var holder) && holder != anonymous?.Account.Id)
            {
                return Task.FromResult(UserStoreResult.UserNameTaken);
            }

            if (anonymous is not null)
            {
                tenant.Remove(anonymous);
            }

            tenant.Write(user, previous: null);
            return Task.FromResult(UserStoreResult.Succeeded);
        }
    }

    public Task<StoredUser?> FindByIdAsync(string workspaceId, string userId, CancellationToken cancellationToken) =>
        Read(workspaceId, tenant => tenant.ById.GetValueOrDefault(userId), cancellationToken);

    public Task<StoredUser?> FindByUserNameAsync(string workspaceId, string normalizedUserName, CancellationToken cancellationToken) =>
        Read(workspaceId, tenant => tenant.IdByName.TryGetValue(normalizedUserName, out var id) ? tenant.ById[id] : null, cancellationToken);

    public Task<StoredUser?> FindAnonymousAsync(string workspaceId, CancellationToken cancellationToken) =>
        Read(workspaceId, tenant => tenant.Anonymous, cancellationToken);

    public Task<SeatCounts> CountSeatsAsync(string workspaceId, CancellationToken cancellationToken) =>
        Read(workspaceId, tenant => new SeatCounts(tenant.InternalSeats, tenant.ExternalSeats), cancellationToken);

    public Task<ReclassificationReport?> ReclassifyAsync(string workspaceId, long workspaceVersion, Func<string, UserType> classify, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tenant = TenantOf(workspaceId);
        lock (tenant.Gate)
        {
            if (tenant.ClassifiedVersion > workspaceVersion)
            {
                return Task.FromResult<ReclassificationReport?>(null);
            }

            // Decide every account first: if classify throws, nothing has been written.
            var changes = new List<StoredUser>();
            var examined = 0;
            foreach (var user in tenant.ById.Values)
            {
                if (user.Account is { UserTypeSource: UserTypeSource.Classified, Email: { } email } account)
                {
                    examined++;
                    var type = classify(email);
                    if (type != account.UserType)
                    {
                        changes.Add(user with { Account = account with { UserType = type, Version = account.Version + 1 } });
                    }
                }
            }

            foreach (var changed in changes)
            {
                tenant.Write(changed, tenant.ById[changed.Account.Id]);
            }

            tenant.ClassifiedVersion = workspaceVersion;
            return Task.FromResult<ReclassificationReport?>(new ReclassificationReport
            {
                Examined = examined,
                BecameInternal = changes.Count(u => u.Account.UserType == UserType.Internal),
                BecameExternal = changes.Count(u => u.Account.UserType == UserType.External),
                InternalUsers = tenant.InternalSeats,
                ExternalUsers = tenant.ExternalSeats,
            });
        }
    }

    public Task<UserAccount?> RecordFailedLoginAsync(string workspaceId, string userId, int maxFailedAttempts, DateTimeOffset lockoutEnd, CancellationToken cancellationToken) =>
        Change(workspaceId, userId, user =>
        {
            var failures = user.Account.AccessFailedCount + 1;
            var locks = failures >= maxFailedAttempts;
            return user with
            {
                Account = user.Account with
                {
                    AccessFailedCount = locks ? 0 : failures,
                    LockoutEnd = locks ? lockoutEnd : user.Account.LockoutEnd,
                },
            };
        }, cancellationToken);

    public Task RecordSuccessfulLoginAsync(string workspaceId, string userId, string? newPasswordHash, CancellationToken cancellationToken) =>
        Change(workspaceId, userId, user => user with
        {
            Account = user.Account with { AccessFailedCount = 0, LockoutEnd = null },
            PasswordHash = newPasswordHash ?? user.PasswordHash,
        }, cancellationToken);

    private Task<UserAccount?> Change(string workspaceId, string userId, Func<StoredUser, StoredUser> change, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tenant = TenantOf(workspaceId);
        lock (tenant.Gate)
        {
            if (!tenant.ById.TryGetValue(userId, out var current))
            {
                return Task.FromResult<UserAccount?>(null);
            }

            var changed = change(current);
            changed = changed with { Account = changed.Account with { Version = current.Account.Version + 1 } };
            tenant.Write(changed, current);
            return Task.FromResult<UserAccount?>(changed.Account);
        }
    }

    private Tenant TenantOf(string workspaceId) => _tenants.GetOrAdd(workspaceId, static _ => new Tenant());

    private Task<T> Read<T>(string workspaceId, Func<Tenant, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tenant = TenantOf(workspaceId);
        lock (tenant.Gate)
        {
            return Task.FromResult(read(tenant));
        }
    }

    // One workspace's accounts. Every member is used only under Gate.
    private sealed class Tenant
    {
        public Lock Gate { get; } = new();

        public Dictionary<string, StoredUser> ById { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> IdByName { get; } = new(StringComparer.Ordinal);

        public int InternalSeats { get; private set; }

        public int ExternalSeats { get; private set; }

        public long ClassifiedVersion { get; set; }

        // The one anonymous account, kept beside the others so that finding it does not scan the workspace.
        public StoredUser? Anonymous => AnonymousId is { } id ? ById[id] : null;

        private string? AnonymousId { get; set; }

        public UserStoreResult CanWrite(StoredUser user, StoredUser? previous, int? seatLimit)
        {
            if (IdByName.TryGetValue(user.NormalizedUserName, out var holder) && holder != user.Account.Id)
            {
                return UserStoreResult.UserNameTaken;
            }

            var seat = user.Account.Seat;
            var takesNewSeat = seat is not null && seat != previous?.Account.Seat;
            return takesNewSeat && seatLimit is { } limit && SeatsOf(seat!.Value) >= limit
                ? UserStoreResult.SeatLimitReached
                : UserStoreResult.Succeeded;
        }

        public void Write(StoredUser user, StoredUser? previous)
        {
            if (previous is not null)
            {
                Remove(previous);
            }

            ById[user.Account.Id] = user;
            IdByName[user.NormalizedUserName] = user.Account.Id;
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
            Count(user.Account.Seat, -1);
            if (AnonymousId == user.Account.Id)
            {
                AnonymousId = null;
            }
        }

        private int SeatsOf(UserType type) => type == UserType.Internal ? InternalSeats : ExternalSeats;

        private void Count(UserType? seat, int delta)
        {
            if (seat == UserType.Internal)
            {
                InternalSeats += delta;
            }
            else if (seat == UserType.External)
            {
                ExternalSeats += delta;
            }
        }
    }
}
