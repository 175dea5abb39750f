using Microsoft.Data.Sqlite;

namespace UserTypes;

/// <summary>
/// Removes from SQLite's write log the change notices older than <see cref="Retention"/>. The log also holds the audit
/// trail, so a search by age alone would read all of it: the log is walked in key order from a watermark every process
/// shares (<c>usertypes_log_pruned</c>), a slice of keys at a time, and the watermark moves to the newest key in the
/// slice older than the retention. Entries are never removed here; the trail's retention purges them.
/// </summary>
internal static class LogPruner
{
    /// <summary>
    /// How long a notice stays. A poller that read nothing for half of it (a frozen process, a suspended machine) may
    /// have missed notices since removed, and drops every cached workspace.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(5);

    // Keys one prune looks at, so that each is a short write, however far behind the watermark is.
    private const long Slice = 10_000;

    private const string BoundsSql =
        "SELECT through, (SELECT MAX(seq) FROM usertypes_log WHERE seq > through AND seq <= through + @slice AND at < @cutoff) FROM usertypes_log_pruned";

    /// <summary>Removes the next slice of old notices, if there are any.</summary>
    /// <param name="connection">An open connection to the log's database.</param>
    /// <param name="now">The time now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the slice is gone.</returns>
    public static async Task PruneAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        (string, object?)[] parameters = [("slice", Slice), ("cutoff", (now - Retention).UtcTicks)];

        // Read first without the write lock: most polls find nothing old enough.
        if ((await ReadBoundsAsync(connection, null, parameters, cancellationToken).ConfigureAwait(false)).Through is null)
        {
            return;
        }

        // BEGIN IMMEDIATE, as every write: two pruners take turns, and the bounds read below hold until the commit.
        var transaction = connection.BeginTransaction(deferred: false);
        await using (transaction.ConfigureAwait(false))
        {
            if (await ReadBoundsAsync(connection, transaction, parameters, cancellationToken).ConfigureAwait(false) is not (var after, { } through))
            {
                return;
            }

            // A notice in the slice stamped later than the cutoff (a writer's clock ahead of this one) stays: it is only
            // left behind, never removed before its time.
            await transaction.Command(
                "DELETE FROM usertypes_log WHERE seq > @after AND seq <= @through AND action IS NULL AND at < @cutoff; UPDATE usertypes_log_pruned SET through = @through",
                [.. parameters, ("after", after), ("through", through)]).RunAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<(long After, long? Through)> ReadBoundsAsync(
        SqliteConnection connection, SqliteTransaction? transaction, (string, object?)[] parameters, CancellationToken cancellationToken) =>
        (await connection.Command(BoundsSql, transaction, parameters)
            .ReadAllAsync(reader => (reader.GetInt64(0), reader.Nullable<long>(1)), cancellationToken).ConfigureAwait(false))[0];
}
