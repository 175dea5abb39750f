using Microsoft.Data.Sqlite;

namespace UserTypes;

/// <summary>
/// Removes from SQLite's write log the change notices older than <see cref="Retention"/>. The log also holds the audit
/// trail, so a search by age alone would read all of it: the log is walked in key order from a watermark every process
/// shares (<c>usertypes_log_pruned</c>), at most <see cref="Slice"/> rows at a time. The watermark stops before the first
/// row not yet old, so every row at or below it is older than the retention: its notices go, its entries stay (the
/// trail's retention purges them), and a poller that has not read that far knows it may have missed a notice.
/// </summary>
internal static class LogPruner
{
    /// <summary>How long a notice stays: a poller further behind than this drops every cached workspace.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(5);

    /// <summary>How often one process prunes: rarely enough that its write lock is no burden on the writes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    // Rows one prune looks at, so that each is a short write however far behind the watermark is.
    private const int Slice = 10_000;

    // The watermark, and how far it may move: to just before the first row of the slice that is not old yet, or to the
    // slice's last row. Entries in a writer's clock run a little behind the notices before them (an entry's time is
    // taken before its write waits for the lock), so the first young row, not the last old one, bounds the move.
    private const string BoundsSql = """
        WITH slice AS (SELECT seq, at FROM usertypes_log WHERE seq > (SELECT through FROM usertypes_log_pruned) ORDER BY seq LIMIT @slice)
        SELECT (SELECT through FROM usertypes_log_pruned), COALESCE((SELECT MIN(seq) FROM slice WHERE at >= @cutoff) - 1, (SELECT MAX(seq) FROM slice))
        """;

    /// <summary>The newest key at or below which every notice may be gone.</summary>
    public const string WatermarkSql = "SELECT through FROM usertypes_log_pruned";

    /// <summary>Removes the next slice of old notices, if there are any.</summary>
    /// <param name="connection">An open connection to the log's database.</param>
    /// <param name="now">The time now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the slice is gone.</returns>
    public static async Task PruneAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        (string, object?)[] parameters = [("slice", Slice), ("cutoff", (now - Retention).UtcTicks)];

        // Read first without the write lock: most rounds find nothing old enough.
        if (!(await ReadBoundsAsync(connection, null, parameters, cancellationToken).ConfigureAwait(false)).Moves)
        {
            return;
        }

        // BEGIN IMMEDIATE, as every write: two pruners take turns, and the bounds read again below hold until the commit.
        var transaction = connection.BeginTransaction(deferred: false);
        await using (transaction.ConfigureAwait(false))
        {
            var (after, through, moves) = await ReadBoundsAsync(connection, transaction, parameters, cancellationToken).ConfigureAwait(false);
            if (!moves)
            {
                return;
            }

            await transaction.Command(
                "DELETE FROM usertypes_log WHERE seq > @after AND seq <= @through AND action IS NULL; UPDATE usertypes_log_pruned SET through = @through",
                ("after", after), ("through", through)).RunAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<(long After, long Through, bool Moves)> ReadBoundsAsync(
        SqliteConnection connection, SqliteTransaction? transaction, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        var (after, through) = (await connection.Command(BoundsSql, transaction, parameters)
            .ReadAllAsync(reader => (reader.GetInt64(0), reader.Nullable<long>(1)), cancellationToken).ConfigureAwait(false))[0];
        return (after, through ?? after, through > after);
    }
}
