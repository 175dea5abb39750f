using System.Data.Common;
using System.Globalization;

namespace UserTypes;

internal sealed partial class RelationalStore
{
    private const string AuditColumns = "seq, workspace_id, at, actor_user_id, action, subject_user_id, summary";

    // Six parameters a row.
    private const int AuditRowsPerStatement = 1000;

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string workspaceId, AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var conditions = new List<string> { "workspace_id = @workspace_id" };
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
                $"SELECT {AuditColumns} FROM usertypes_audit WHERE {string.Join(" AND ", conditions)} ORDER BY seq{(filter.Descending ? " DESC" : string.Empty)} LIMIT @limit",
                null,
                [.. parameters]).ReadAllAsync(ReadAuditEntry, cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    // Only the oldest entries by key are looked at, so a purge reads no more than its limit whatever the table's size
    // (entries are made in time order, so the old ones come first) and holds a write lock only that long.
    public Task<int> PurgeAuditAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        ReadAsync(
            connection => connection.Command(
                "DELETE FROM usertypes_audit WHERE seq IN (SELECT seq FROM usertypes_audit ORDER BY seq LIMIT @limit) AND at < @before",
                null,
                ("before", before.UtcTicks),
                ("limit", limit)).RunAsync(cancellationToken),
            cancellationToken);

    // The statement that appends a write's entries, run in its transaction once the workspace's lock is held, so that
    // sequences grow in the order the writes of a workspace commit. Empty for none.
    private static (string Sql, (string Name, object? Value)[] Parameters) AuditInsert(IReadOnlyList<AuditEntry> entries)
    {
        if (entries.Count == 0)
        {
            return (string.Empty, []);
        }

        var rows = new List<string>(entries.Count);
        var parameters = new List<(string, object?)>(entries.Count * 6);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var p = string.Create(CultureInfo.InvariantCulture, $"audit{i}_");
            rows.Add($"(@{p}workspace_id, @{p}at, @{p}actor, @{p}action, @{p}subject, @{p}summary)");
            parameters.Add((p + "workspace_id", entry.WorkspaceId));
            parameters.Add((p + "at", entry.At.UtcTicks));
            parameters.Add((p + "actor", entry.ActorUserId));
            parameters.Add((p + "action", entry.Action));
            parameters.Add((p + "subject", entry.SubjectUserId));
            parameters.Add((p + "summary", entry.Summary));
        }

        return ($"INSERT INTO usertypes_audit (workspace_id, at, actor_user_id, action, subject_user_id, summary) VALUES {string.Join(", ", rows)}", [.. parameters]);
    }

    // In statements of at most AuditRowsPerStatement rows: a pass that re-types thousands of accounts stays far below
    // the databases' limits on parameters per statement (SQLite 32,766; PostgreSQL 65,535).
    private static async Task InsertAuditAsync(DbTransaction transaction, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var chunk in entries.Chunk(AuditRowsPerStatement))
        {
            var (sql, parameters) = AuditInsert(chunk);
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
