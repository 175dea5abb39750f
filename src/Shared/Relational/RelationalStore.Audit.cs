using System.Data.Common;

namespace UserTypes;

internal sealed partial class RelationalStore
{
    private const string AuditColumns = "seq, workspace_id, at, actor_user_id, action, subject_user_id, summary";

    // Six parameters a row.
    private const int AuditRowsPerStatement = 1000;

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string workspaceId, AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // "action IS NOT NULL" picks the entries out of a table that may hold other rows (SQLite's change log).
        var conditions = new List<string> { "workspace_id = @workspace_id", "action IS NOT NULL" };
        var parameters = new List<(string, object?)> { ("workspace_id", workspaceId), ("limit", filter.Limit) };
        void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            parameters.Add((name, value));
        }

        if (filter.SubjectUserId is { } subject)
        {
            Add("subject_user_id = @subject", "subject", subject);
        }

        if (filter.Action is { } action)
        {
            Add("action = @action", "action", action);
        }

        if (filter.From is { } from)
        {
            Add("at >= @from", "from", from.UtcTicks);
        }

        if (filter.To is { } to)
        {
            Add("at < @to", "to", to.UtcTicks);
        }

        if (filter.After is { } after)
        {
            Add(filter.Descending ? "seq < @after" : "seq > @after", "after", after);
        }

        return ReadAsync<IReadOnlyList<AuditEntry>>(
            async connection => await connection.Command(
                $"SELECT {AuditColumns} FROM {_dialect.AuditTable} WHERE {string.Join(" AND ", conditions)} ORDER BY seq{(filter.Descending ? " DESC" : string.Empty)} LIMIT @limit",
                null,
                [.. parameters]).ReadAllAsync(ReadAuditEntry, cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    // Only the oldest entries by key are looked at, so a purge reads no more than its limit whatever the table's size
    // (entries are made in time order, so the old ones come first) and holds a write lock only that long.
    public Task<int> PurgeAuditAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        ReadAsync(
            connection => connection.Command(
                $"DELETE FROM {_dialect.AuditTable} WHERE seq IN (SELECT seq FROM {_dialect.AuditTable} WHERE action IS NOT NULL ORDER BY seq LIMIT @limit) AND at < @before",
                null,
                ("before", before.UtcTicks),
                ("limit", limit)).RunAsync(cancellationToken),
            cancellationToken);

    // In statements of at most AuditRowsPerStatement rows: a pass that re-types thousands of accounts stays far below
    // the databases' limits on parameters per statement (SQLite 32,766; PostgreSQL 65,535). Run in the transaction of the
    // write they record, once the workspace's lock is held, so that sequences grow in the order the writes commit.
    private async Task InsertAuditAsync(DbTransaction transaction, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var chunk in entries.Chunk(AuditRowsPerStatement))
        {
            var (sql, parameters) = _dialect.Record(StoreChange.Silent(chunk[0].WorkspaceId), chunk, _time.GetUtcNow());
            await transaction.Command(sql, parameters).RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static AuditEntry ReadAuditEntry(DbDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        WorkspaceId = reader.GetString(1),
        At = new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
        ActorUserId = reader.NullableString(3),
        Action = reader.GetString(4),
        SubjectUserId = reader.NullableString(5),
        Summary = reader.GetString(6),
    };
}
