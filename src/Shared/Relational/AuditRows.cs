using System.Globalization;

namespace UserTypes;

/// <summary>Audit entries as the rows of an INSERT: each entry's values, in the order of <see cref="Columns"/>, as parameters.</summary>
internal static class AuditRows
{
    /// <summary>The columns the values fill, in order.</summary>
    public const string Columns = "workspace_id, at, actor_user_id, action, subject_user_id, summary";

    /// <summary>Each entry's values, without parentheses (a dialect may add its own columns after them), and the parameters they name.</summary>
    /// <param name="entries">The entries.</param>
    /// <returns>One row per entry, and six parameters an entry.</returns>
    public static (string[] Rows, (string Name, object? Value)[] Parameters) Of(IReadOnlyList<AuditEntry> entries)
    {
        var rows = new string[entries.Count];
        var parameters = new (string, object?)[entries.Count * 6];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var p = string.Create(CultureInfo.InvariantCulture, $"audit{i}_");
            rows[i] = $"@{p}workspace_id, @{p}at, @{p}actor, @{p}action, @{p}subject, @{p}summary";
            parameters[(i * 6) + 0] = (p + "workspace_id", entry.WorkspaceId);
            parameters[(i * 6) + 1] = (p + "at", entry.At.UtcTicks);
            parameters[(i * 6) + 2] = (p + "actor", entry.ActorUserId);
            parameters[(i * 6) + 3] = (p + "action", entry.Action);
            parameters[(i * 6) + 4] = (p + "subject", entry.SubjectUserId);
            parameters[(i * 6) + 5] = (p + "summary", entry.Summary);
        }

        return (rows, parameters);
    }
}
