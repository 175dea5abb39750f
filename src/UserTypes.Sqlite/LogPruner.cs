using Microsoft.Data.Sqlite;

namespace UserTypes;

/// <summary>
/// Removes from SQLite's write log the change notices older than <see cref="Retention"/>. The log also holds the audit
/// trail, so a search by age alone would read all of it: the log is walked in key order from a watermark every process
/// shares (<c>usertypes_log_pruned</c>), a slice of rows at a time. The watermark stops before the first
/// row not yet old, so every row at or below it is older than the retention: its notices go, its entries stay (the
/// trail's retention purges them), and a poller that has not read that far knows it may have missed a notice.
/// </summary>
internal static class LogPruner
{
    /// <summary>How long a notice stays: a poller further behind than this drops every cached workspace.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(5);

    /// <summary>How often one process prunes: rarely enough that its write lock is no burden on the writes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    // Rows one slice looks at, so that each is a short write however far behind the watermark is; and slices one round
    // prunes at most (100,000 rows every Interval keeps up with over 3,000 writes a second).
    private const int Slice = 10_000;
    private const int SlicesPerRound = 10;

    // The watermark, and how far it may move: to just before the first row of the slice that is not old yet, or to the
    // slice's last row. Entries in a writer's clock run a little behind the notices before them (an entry's time is
    // taken before its write waits for the lock), so the first young row, not the last old one, bounds the move. A row
    // stamped further ahead than the retention (a writer's clock far off) would hold every prune back until then, so it
    // counts as old: should it go unread, the watermark tells its readers.
    private const string BoundsSql = """
        WITH slice AS (SELECT seq, at FROM usertypes_log WHERE seq > (SELECT through FROM usertypes_log_pruned) ORDER BY seq LIMIT @slice)
        SELECT (SELECT through FROM usertypes_log_pruned),
            COALESCE((SELECT MIN(seq) FROM slice WHERE at >= @cutoff AND at < @ahead) - 1, (SELECT MAX(seq) FROM slice))
        """;

    /// <summary>The newest key at or below which every notice may be gone.</summary>
    public const string WatermarkSql = "SELECT through FROM usertypes_log_pruned";

    /// <summary>Removes the old notices, a slice at a time, up to <see cref="SlicesPerRound"/> slices.</summary>
    /// <param name="connection">An open connection to the log's database.</param>
    /// <param name="now">The time now.</param>
    /// <param name="cancellationToken">Cancels the call between two slices.</param>
    /// <returns>A task that completes when the round is done.</returns>
    public static async Task PruneAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        (string, object?)[] parameters = [("slice", Slice), ("cutoff", (now - Retention).UtcTicks), ("ahead", (now + Retention).UtcTicks)];
        for (var slice = 0; slice < SlicesPerRound; slice++)
        {
            if (!await PruneSliceAsync(connection, parameters, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    // Whether the watermark moved.
    private static async Task<bool> PruneSliceAsync(SqliteConnection connection, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        // Read first without the write lock: most rounds find nothing old enough.
        if ((await ReadBoundsAsync(connection, null, parameters, cancellationToken).ConfigureAwait(false)).Through is null)
        {
            return false;
        }

        // BEGIN IMMEDIATE, as every write: two pruners take turns, and the bounds read again below hold until the commit.
        var transaction = connection.BeginTransaction(deferred: false);
        await using (transaction.ConfigureAwait(false))
        {
            if (await ReadBoundsAsync(connection, transaction, parameters, cancellationToken).ConfigureAwait(false) is not (var after, { } through))
            {
                return false;
            }

            await transaction.Command(
                "DELETE FROM usertypes_log WHERE seq > @after AND seq <= @through AND action IS NULL; UPDATE usertypes_log_pruned SET through = @through",
                ("after", after), ("through", through)).RunAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    // The watermark, and where it may move to; no destination when it stays.
    private static async Task<(long After, long? Through)> ReadBoundsAsync(
        SqliteConnection connection, SqliteTransaction? transaction, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        var (after, through) = (await connection.Command(BoundsSql, transaction, parameters)
            .ReadAllAsync(reader => (reader.GetInt64(0), reader.Nullable<long>(1)), cancellationToken).ConfigureAwait(false))[0];
        return (after, through > after ? through : null);
    }
}
