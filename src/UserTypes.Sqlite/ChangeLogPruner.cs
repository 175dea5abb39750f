using System.Data.Common;

namespace UserTypes;

/// <summary>
/// Removes from SQLite's change log the notices every process has had time to read. The log also holds the audit
/// trail, so old notices are found by key, never by time, which would read the whole trail: each poll notes the newest
/// key it read and when, and the notices up to the key noted <see cref="Retention"/> ago go, a slice of keys at a time.
/// Used by one watcher loop only.
/// </summary>
/// <param name="time">The clock the keys are noted by.</param>
internal sealed class ChangeLogPruner(TimeProvider time)
{
    /// <summary>How long a notice stays: a watcher further behind finds keys missing and drops every cached workspace.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(5);

    // Keys one prune looks at, so that each is a short write: the first prune after a start walks the log from its
    // oldest row, one slice a poll.
    private const long Slice = 10_000;

    private readonly Queue<(long Key, DateTimeOffset At)> _read = new();

    // The notices up to this key are old enough to go.
    private long _old;

    // The notices up to this key are gone; unknown until the first prune reads the log's oldest key.
    private long? _prunedThrough;

    /// <summary>Notes the newest key a poll read.</summary>
    /// <param name="key">The key.</param>
    public void Read(long key) => _read.Enqueue((key, time.GetUtcNow()));

    /// <summary>Removes the next slice of old notices, if there are any.</summary>
    /// <param name="connection">An open connection to the log's database.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the slice is gone.</returns>
    public async Task PruneAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - Retention;
        while (_read.TryPeek(out var read) && read.At <= cutoff)
        {
            _old = read.Key;
            _read.Dequeue();
        }

        _prunedThrough ??= (await connection.Command("SELECT COALESCE(MIN(seq), 1) - 1 FROM usertypes_changes", null)
            .ReadAllAsync(reader => reader.GetInt64(0), cancellationToken).ConfigureAwait(false))[0];
        if (_prunedThrough >= _old)
        {
            return;
        }

        var through = Math.Min(_prunedThrough.Value + Slice, _old);
        await connection.Command(
            "DELETE FROM usertypes_changes WHERE seq > @after AND seq <= @through AND action IS NULL", null, ("after", _prunedThrough.Value), ("through", through))
            .RunAsync(cancellationToken).ConfigureAwait(false);
        _prunedThrough = through;
    }
}
