using System.Data.Common;

namespace UserTypes;

internal sealed partial class RelationalStore
{
    private const string IdentityColumns = "workspace_id, issuer, subject, user_id, created_at";

    private const string LinkedUserSql = "SELECT user_id FROM usertypes_identities WHERE workspace_id = @workspace_id AND issuer = @issuer AND subject = @subject";

    public async Task<string?> FindIdentityAsync(string workspaceId, string issuer, string subject, CancellationToken cancellationToken) =>
        (await ReadAsync<IReadOnlyList<string>>(
            async connection => await connection.Command(
                LinkedUserSql,
                null,
                ("workspace_id", workspaceId), ("issuer", issuer), ("subject", subject)).ReadAllAsync(reader => reader.GetString(0), cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<StoredIdentityLink>> ListIdentitiesAsync(string workspaceId, string userId, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StoredIdentityLink>>(
            async connection => await connection.Command(
                $"SELECT {IdentityColumns} FROM usertypes_identities WHERE workspace_id = @workspace_id AND user_id = @user_id ORDER BY created_at",
                null,
                ("workspace_id", workspaceId), ("user_id", userId)).ReadAllAsync(ReadIdentityLink, cancellationToken).ConfigureAwait(false),
            cancellationToken);

    public Task<UserStoreResult> CreateLinkedAsync(StoredUser user, StoredIdentityLink link, int? seatLimit, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(link);
        return WriteAsync(
            StoreChange.Of(user.Account),
            audit,
            async (transaction, locked) =>
            {
                // Under the workspace's lock: a link read here is the link at commit, and two first sign-ins of one
                // identity cannot both create an account.
                if (await LinkedUserAsync(transaction, link, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return (UserStoreResult.IdentityTaken, false);
                }

                if (!SeatGate.Admits(locked.Seats, previous: null, user.Account, seatLimit))
                {
                    return (UserStoreResult.SeatLimitReached, false);
                }

                var (result, commit) = await InsertAsync(transaction, user, cancellationToken).ConfigureAwait(false);
                if (commit)
                {
                    await InsertLinkAsync(transaction, link, cancellationToken).ConfigureAwait(false);
                }

                return (result, commit);
            },
            cancellationToken);
    }

    public Task<UserStoreResult> LinkIdentityAsync(StoredIdentityLink link, string securityStamp, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);

        // No cache holds links: nobody needs telling.
        return WriteAsync(
            StoreChange.Silent(link.WorkspaceId),
            audit,
            async (transaction, _) =>
            {
                if (await LinkedUserAsync(transaction, link, cancellationToken).ConfigureAwait(false) is { } holder)
                {
                    return (holder == link.UserId ? UserStoreResult.Succeeded : UserStoreResult.IdentityTaken, false);
                }

                var current = await transaction.Command(
                    "SELECT COUNT(*) FROM usertypes_users WHERE workspace_id = @workspace_id AND id = @user_id AND security_stamp = @stamp AND enabled = @yes",
                    ("workspace_id", link.WorkspaceId), ("user_id", link.UserId), ("stamp", securityStamp), ("yes", true))
                    .ReadAllAsync(reader => reader.GetCount(0), cancellationToken).ConfigureAwait(false);
                if (current[0] == 0)
                {
                    return (UserStoreResult.Conflict, false);
                }

                await InsertLinkAsync(transaction, link, cancellationToken).ConfigureAwait(false);
                return (UserStoreResult.Succeeded, true);
            },
            cancellationToken);
    }

    public Task<UserStoreResult> UnlinkIdentityAsync(string workspaceId, string userId, string issuer, string subject, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
        WriteAsync(
            StoreChange.Silent(workspaceId),
            audit,
            async (transaction, _) =>
            {
                // The link's own row, and whether the account could still sign in without it.
                var rows = await transaction.Command(
                    "SELECT (SELECT COUNT(*) FROM usertypes_identities WHERE workspace_id = @workspace_id AND user_id = @user_id AND issuer = @issuer AND subject = @subject), " +
                    "(SELECT COUNT(*) FROM usertypes_identities WHERE workspace_id = @workspace_id AND user_id = @user_id), " +
                    "(SELECT COUNT(*) FROM usertypes_users WHERE workspace_id = @workspace_id AND id = @user_id AND password_hash <> '')",
                    ("workspace_id", workspaceId), ("user_id", userId), ("issuer", issuer), ("subject", subject))
                    .ReadAllAsync(reader => (Link: reader.GetCount(0), Links: reader.GetCount(1), Password: reader.GetCount(2)), cancellationToken).ConfigureAwait(false);
                var (linked, links, password) = rows[0];
                if (linked == 0)
                {
                    return (UserStoreResult.Conflict, false);
                }

                if (password == 0 && links == 1)
                {
                    return (UserStoreResult.LastSignInMethod, false);
                }

                await transaction.Command(
                    "DELETE FROM usertypes_identities WHERE workspace_id = @workspace_id AND issuer = @issuer AND subject = @subject",
                    ("workspace_id", workspaceId), ("issuer", issuer), ("subject", subject)).RunAsync(cancellationToken).ConfigureAwait(false);
                return (UserStoreResult.Succeeded, true);
            },
            cancellationToken);

    private static async Task<string?> LinkedUserAsync(DbTransaction transaction, StoredIdentityLink link, CancellationToken cancellationToken) =>
        (await transaction.Command(
            LinkedUserSql,
            ("workspace_id", link.WorkspaceId), ("issuer", link.Issuer), ("subject", link.Subject))
            .ReadAllAsync(reader => reader.GetString(0), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    private static Task InsertLinkAsync(DbTransaction transaction, StoredIdentityLink link, CancellationToken cancellationToken) =>
        transaction.Command(
            $"INSERT INTO usertypes_identities ({IdentityColumns}) VALUES (@workspace_id, @issuer, @subject, @user_id, @created_at)",
            ("workspace_id", link.WorkspaceId), ("issuer", link.Issuer), ("subject", link.Subject), ("user_id", link.UserId), ("created_at", link.CreatedAt.UtcTicks))
            .RunAsync(cancellationToken);

    private static StoredIdentityLink ReadIdentityLink(DbDataReader reader) => new()
    {
        WorkspaceId = reader.GetString(0),
        Issuer = reader.GetString(1),
        Subject = reader.GetString(2),
        UserId = reader.GetString(3),
        CreatedAt = new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
    };
}
