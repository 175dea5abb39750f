using System.Data.Common;

namespace UserTypes;

internal sealed partial class RelationalStore
{
    private const string SeatCountSql =
        "SELECT user_type, COUNT(*) FROM usertypes_users WHERE workspace_id = @workspace_id AND enabled = @enabled AND user_type IN (0, 1) GROUP BY user_type";

    public Task<UserStoreResult> CreateAsync(StoredUser user, int? seatLimit, string? consumedTokenId, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
        WriteAsync(
            StoreChange.Of(user.Account),
            audit,
            async (transaction, locked) =>
            {
                if (!await ConsumeTokenAsync(transaction, consumedTokenId, cancellationToken).ConfigureAwait(false))
                {
                    return (UserStoreResult.TokenUsed, false);
                }

                if (!SeatGate.Admits(locked.Seats, previous: null, user.Account, seatLimit))
                {
                    return (UserStoreResult.SeatLimitReached, false);
                }

                return await InsertAsync(transaction, user, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<UserStoreResult> UpdateAsync(StoredUser user, long expectedVersion, int? seatLimit, string? consumedTokenId, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
        WriteAsync(
            StoreChange.Of(user.Account),
            audit,
            async (transaction, locked) =>
            {
                if (!await ConsumeTokenAsync(transaction, consumedTokenId, cancellationToken).ConfigureAwait(false))
                {
                    return (UserStoreResult.TokenUsed, false);
                }

                var previous = await FindAsync(transaction.Connection!, transaction, "id = @id", ("id", user.Account.Id), user.Account.WorkspaceId, cancellationToken).ConfigureAwait(false);
                if (previous?.Account.Version != expectedVersion)
                {
                    return (UserStoreResult.Conflict, false);
                }

                // Every writer of the workspace holds its lock, so a holder read here is the holder at commit.
                if (await ClashAsync(transaction, user, previous, cancellationToken).ConfigureAwait(false) is { } clash)
                {
                    return (clash, false);
                }

                if (!SeatGate.Admits(locked.Seats, previous.Account, user.Account, seatLimit))
                {
                    return (UserStoreResult.SeatLimitReached, false);
                }

                if (AdministratorGate.Removes(previous, user)
                    && await EnabledAdministratorsAsync(transaction, user.Account.WorkspaceId, except: user.Account.Id, cancellationToken).ConfigureAwait(false) == 0)
                {
                    return (UserStoreResult.LastAdministrator, false);
                }

                // The version is checked again by the statement itself: no row back means another write landed first, and
                // nothing is committed.
                var updated = await WriteUserAsync(
                    transaction,
                    $"UPDATE usertypes_users SET {UserRow.Assignments} WHERE id = @id AND version = @expected RETURNING id",
                    [.. UserRow.Parameters(user), ("expected", expectedVersion)],
                    previous.Account.Seat,
                    user.Account.Seat,
                    cancellationToken).ConfigureAwait(false);
                return updated ? (UserStoreResult.Succeeded, true) : (UserStoreResult.Conflict, false);
            },
            cancellationToken);

    public Task<UserStoreResult> SetAnonymousAsync(StoredUser user, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
        WriteAsync(

            // Another account may stop being the anonymous one: the workspace's accounts changed.
            StoreChange.Of(user.Account.WorkspaceId),
            audit,
            async (transaction, _) =>
            {
                var replaced = await transaction.Command(
                    "DELETE FROM usertypes_users WHERE workspace_id = @workspace_id AND user_type = 2 RETURNING id, version", ("workspace_id", user.Account.WorkspaceId))
                    .ReadAllAsync(reader => (Id: reader.GetString(0), Version: reader.GetInt64(1)), cancellationToken).ConfigureAwait(false);
                var expected = replaced.Count == 0 ? user.Account.Version == 1 : replaced[0] == (user.Account.Id, user.Account.Version - 1);
                return expected ? await InsertAsync(transaction, user, cancellationToken).ConfigureAwait(false) : (UserStoreResult.Conflict, false);
            },
            cancellationToken);

    public Task<UserStoreResult> DeleteAsync(string workspaceId, string userId, long expectedVersion, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
        WriteAsync(
            new StoreChange(workspaceId, userId),
            audit,
            async (transaction, _) =>
            {
                var previous = await FindAsync(transaction.Connection!, transaction, "id = @id", ("id", userId), workspaceId, cancellationToken).ConfigureAwait(false);
                if (previous?.Account.Version != expectedVersion)
                {
                    return (UserStoreResult.Conflict, false);
                }

                if (AdministratorGate.Removes(previous, next: null)
                    && await EnabledAdministratorsAsync(transaction, workspaceId, except: userId, cancellationToken).ConfigureAwait(false) == 0)
                {
                    return (UserStoreResult.LastAdministrator, false);
                }

                // Its login attempts, sessions, API keys and identities go with it (rolled back with it on a conflict): nothing
                // of the account is kept. The identities first: they name the account by a foreign key.
                var deleted = await WriteUserAsync(
                    transaction,
                    "DELETE FROM usertypes_identities WHERE workspace_id = @workspace_id AND user_id = @id; " +
                    "DELETE FROM usertypes_users WHERE id = @id AND version = @expected RETURNING id; " +
                    "DELETE FROM usertypes_login_attempts WHERE workspace_id = @workspace_id AND attempt_key = @attempt_key; " +
                    "DELETE FROM usertypes_sessions WHERE workspace_id = @workspace_id AND user_id = @id; " +
                    "DELETE FROM usertypes_api_keys WHERE workspace_id = @workspace_id AND user_id = @id",
                    [("id", userId), ("expected", expectedVersion), ("workspace_id", workspaceId), ("attempt_key", LoginAttemptKeys.ForAccount(userId))],
                    previous.Account.Seat,
                    seatAfter: null,
                    cancellationToken).ConfigureAwait(false);
                return deleted ? (UserStoreResult.Succeeded, true) : (UserStoreResult.Conflict, false);
            },
            cancellationToken);

    public Task<StoredUser?> FindByIdAsync(string workspaceId, string userId, CancellationToken cancellationToken) =>
        ReadAsync(connection => FindAsync(connection, null, "id = @id", ("id", userId), workspaceId, cancellationToken), cancellationToken);

    public Task<StoredUser?> FindByUserNameAsync(string workspaceId, string normalizedUserName, CancellationToken cancellationToken) =>
        ReadAsync(connection => FindAsync(connection, null, "normalized_user_name = @name", ("name", normalizedUserName), workspaceId, cancellationToken), cancellationToken);

    public Task<StoredUser?> FindByEmailAsync(string workspaceId, string email, CancellationToken cancellationToken) =>
        ReadAsync(connection => FindAsync(connection, null, "email = @email", ("email", email), workspaceId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StoredUser>> ListAsync(string workspaceId, UserListFilter filter, CancellationToken cancellationToken)
    {
        var ordinal = _dialect.OrdinalCollation;
        var conditions = new List<string> { "workspace_id = @workspace_id" };
        var parameters = new List<(string, object?)> { ("workspace_id", workspaceId), ("limit", filter.Limit) };
        void Add(string condition, params (string, object?)[] values)
        {
            conditions.Add(condition);
            parameters.AddRange(values);
        }

        if (filter.UserType is { } type)
        {
            Add("user_type = @user_type", ("user_type", (int)type));
        }

        if (filter.Enabled is { } enabled)
        {
            Add("enabled = @enabled", ("enabled", enabled));
        }

        if (filter.PersonId is { } personId)
        {
            Add("person_id = @person_id", ("person_id", personId));
        }

        if (filter.UserNamePrefix is { } namePrefix)
        {
            // A literal prefix: LIKE's own wildcards in the search are escaped.
            Add(
                "(normalized_user_name LIKE @name_prefix ESCAPE '\\' OR email LIKE @email_prefix ESCAPE '\\')",
                ("name_prefix", LikePrefix(namePrefix)),
                ("email_prefix", LikePrefix(filter.EmailPrefix ?? namePrefix)));
        }

        if (filter.After is { } after)
        {
            // Normalised names are unique per workspace, so the name alone is the position; a single range condition
            // is what lets the index start there (an OR with the id made PostgreSQL scan from the first account).
            Add($"normalized_user_name {ordinal} > @after_name", ("after_name", after.NormalizedUserName));
        }

        return ReadAsync<IReadOnlyList<StoredUser>>(
            async connection => await connection.Command(
                $"SELECT {UserRow.ReadColumns} FROM {UserRow.Source} WHERE {string.Join(" AND ", conditions)} " +
                $"ORDER BY normalized_user_name {ordinal}, id {ordinal} LIMIT @limit",
                null,
                [.. parameters]).ReadAllAsync(UserRow.Reader(_time.GetUtcNow()), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    private static string LikePrefix(string prefix) =>
        prefix.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    public Task<StoredUser?> FindAnonymousAsync(string workspaceId, CancellationToken cancellationToken) =>
        ReadAsync(connection => FindAsync(connection, null, "user_type = @type", ("type", (int)UserType.Anonymous), workspaceId, cancellationToken), cancellationToken);

    public Task<SeatCounts> CountSeatsAsync(string workspaceId, CancellationToken cancellationToken) =>
        ReadAsync(
            async connection => (await connection.Command("SELECT internal_seats, external_seats FROM usertypes_workspaces WHERE id = @id", null, ("id", workspaceId))
                .ReadAllAsync(reader => new SeatCounts(reader.GetInt32(0), reader.GetInt32(1)), cancellationToken).ConfigureAwait(false)).FirstOrDefault(),
            cancellationToken);

    public Task<ReclassificationReport?> ReclassifyAsync(string workspaceId, long workspaceVersion, Func<string, UserType> classify, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync<ReclassificationReport?>(
            StoreChange.Of(workspaceId),
            [],
            async (transaction, locked) =>
            {
                if (!locked.Exists || locked.ClassifiedVersion > workspaceVersion)
                {
                    return (null, false);
                }

                var classified = await transaction.Command(
                    $"SELECT {UserRow.ReadColumns} FROM {UserRow.Source} WHERE workspace_id = @workspace_id AND user_type_source = 0 AND email IS NOT NULL",
                    ("workspace_id", workspaceId)).ReadAllAsync(UserRow.Reader(_time.GetUtcNow()), cancellationToken).ConfigureAwait(false);

                // Decide every account first: if classify throws, nothing has been written.
                var changes = Reclassification.Decide(classified, classify, await EnabledAdministratorsAsync(transaction, workspaceId, except: null, cancellationToken).ConfigureAwait(false));
                foreach (var changed in changes)
                {
                    await transaction.Command(
                        "UPDATE usertypes_users SET user_type = @type, security_stamp = @stamp, administrator = @administrator, version = version + 1 WHERE id = @id",
                        ("type", (int)changed.Account.UserType), ("stamp", changed.Account.SecurityStamp), ("administrator", changed.IsAdministrator),
                        ("id", changed.Account.Id)).RunAsync(cancellationToken).ConfigureAwait(false);
                }

                await InsertAuditAsync(transaction, Reclassification.AuditOf(audit, classified, changes), cancellationToken).ConfigureAwait(false);

                // A full pass recounts the seats from the accounts, so the counters are also repaired here if ever wrong.
                var seats = await CountSeatsAsync(transaction.Connection!, transaction, workspaceId, cancellationToken).ConfigureAwait(false);
                await transaction.Command(
                    "UPDATE usertypes_workspaces SET classified_version = @version, internal_seats = @internal, external_seats = @external WHERE id = @id",
                    ("version", workspaceVersion), ("internal", seats.Internal), ("external", seats.External), ("id", workspaceId))
                    .RunAsync(cancellationToken).ConfigureAwait(false);
                return (new ReclassificationReport
                {
                    Examined = classified.Count,
                    BecameInternal = changes.Count(c => c.Account.UserType == UserType.Internal),
                    BecameExternal = changes.Count(c => c.Account.UserType == UserType.External),
                    InternalUsers = seats.Internal,
                    ExternalUsers = seats.External,
                }, true);
            },
            cancellationToken);

    // The database answers whether the row went in: a unique clash inserts nothing and returns no row, and only then
    // is it worth asking which key clashed (under the workspace lock, the answer cannot change before the commit).
    // Any other failure (a check, a foreign key) is an error and surfaces as one.
    private async Task<(UserStoreResult, bool)> InsertAsync(DbTransaction transaction, StoredUser user, CancellationToken cancellationToken)
    {
        var inserted = await WriteUserAsync(
            transaction,
            $"INSERT INTO usertypes_users ({UserRow.Columns}) VALUES ({UserRow.Values}) ON CONFLICT DO NOTHING RETURNING id",
            UserRow.Parameters(user),
            seatBefore: null,
            user.Account.Seat,
            cancellationToken).ConfigureAwait(false);
        if (!inserted)
        {
            return (await ClashAsync(transaction, user, previous: null, cancellationToken).ConfigureAwait(false) ?? UserStoreResult.Conflict, false);
        }

        return (UserStoreResult.Succeeded, true);
    }

    private static async Task<int> EnabledAdministratorsAsync(DbTransaction transaction, string workspaceId, string? except, CancellationToken cancellationToken)
    {
        var counts = await transaction.Command(
            "SELECT COUNT(*) FROM usertypes_users WHERE workspace_id = @workspace_id AND administrator = @yes AND enabled = @yes AND id <> @except",
            ("workspace_id", workspaceId), ("yes", true), ("except", except ?? string.Empty))
            .ReadAllAsync(reader => reader.GetCount(0), cancellationToken).ConfigureAwait(false);
        return counts[0];
    }

    // Which unique key another account of the workspace holds: the user name first, then the address.
    private static async Task<UserStoreResult?> ClashAsync(DbTransaction transaction, StoredUser user, StoredUser? previous, CancellationToken cancellationToken)
    {
        var account = user.Account;
        var nameChanged = previous?.NormalizedUserName != user.NormalizedUserName;
        var emailChanged = account.Email is not null && previous?.Account.Email != account.Email;
        if (!nameChanged && !emailChanged)
        {
            return null;
        }

        var holders = await transaction.Command(
            "SELECT normalized_user_name = @name FROM usertypes_users WHERE workspace_id = @workspace_id AND id <> @id AND (normalized_user_name = @name OR email = @email)",
            ("workspace_id", account.WorkspaceId), ("id", account.Id), ("name", user.NormalizedUserName), ("email", account.Email))
            .ReadAllAsync(reader => reader.GetBoolean(0), cancellationToken).ConfigureAwait(false);
        return holders.Count == 0 ? null : holders.Contains(true) ? UserStoreResult.UserNameTaken : UserStoreResult.EmailTaken;
    }

    // Runs a write of one account that returns its id when it lands, and moves the workspace's seat counters in the
    // same round trip, so they stay equal to its enabled accounts of each type. When no row comes back the caller
    // rolls back, the counters' move with it.
    private static async Task<bool> WriteUserAsync(
        DbTransaction transaction, string sql, (string, object?)[] parameters, UserType? seatBefore, UserType? seatAfter, CancellationToken cancellationToken)
    {
        if (seatBefore != seatAfter)
        {
            sql += "; UPDATE usertypes_workspaces SET internal_seats = internal_seats + @internal_delta, external_seats = external_seats + @external_delta WHERE id = @workspace_id";
            parameters =
            [
                .. parameters,
                ("internal_delta", Seats(seatAfter, UserType.Internal) - Seats(seatBefore, UserType.Internal)),
                ("external_delta", Seats(seatAfter, UserType.External) - Seats(seatBefore, UserType.External)),
            ];
        }

        var written = await transaction.Command(sql, parameters).ReadAllAsync(reader => reader.GetString(0), cancellationToken).ConfigureAwait(false);
        return written.Count == 1;
    }

    private static int Seats(UserType? seat, UserType type) => seat == type ? 1 : 0;

    private async Task<StoredUser?> FindAsync(DbConnection connection, DbTransaction? transaction, string condition, (string, object?) parameter, string workspaceId, CancellationToken cancellationToken)
    {
        var rows = await connection.Command($"SELECT {UserRow.ReadColumns} FROM {UserRow.Source} WHERE workspace_id = @workspace_id AND {condition}", transaction, ("workspace_id", workspaceId), parameter)
            .ReadAllAsync(UserRow.Reader(_time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task<SeatCounts> CountSeatsAsync(DbConnection connection, DbTransaction? transaction, string workspaceId, CancellationToken cancellationToken)
    {
        var counts = await connection.Command(SeatCountSql, transaction, ("workspace_id", workspaceId), ("enabled", true))
            .ReadAllAsync(reader => (Type: (UserType)reader.GetInt32(0), Count: reader.GetCount(1)), cancellationToken).ConfigureAwait(false);
        return new SeatCounts(
            counts.Where(c => c.Type == UserType.Internal).Sum(c => c.Count),
            counts.Where(c => c.Type == UserType.External).Sum(c => c.Count));
    }
}
