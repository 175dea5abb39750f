using System.Diagnostics;

namespace UserTypes.HttpLoad;

/// <summary>One scenario's figures, merged from its clients' tallies.</summary>
internal sealed class LoadResult
{
    private LoadResult(int clients, TimeSpan elapsed, long[] latencies, SortedDictionary<string, long> statuses, long unavailableWithoutRetryAfter)
    {
        Clients = clients;
        Elapsed = elapsed;
        Requests = latencies.Length;
        RequestsPerSecond = latencies.Length / elapsed.TotalSeconds;
        P50Milliseconds = Percentile(latencies, 50);
        P95Milliseconds = Percentile(latencies, 95);
        P99Milliseconds = Percentile(latencies, 99);
        Statuses = statuses;
        UnavailableWithoutRetryAfter = unavailableWithoutRetryAfter;
    }

    public int Clients { get; }

    /// <summary>From the start to the last client's last answer, which may come a little after the deadline.</summary>
    public TimeSpan Elapsed { get; }

    public long Requests { get; }

    public double RequestsPerSecond { get; }

    public double P50Milliseconds { get; }

    public double P95Milliseconds { get; }

    public double P99Milliseconds { get; }

    /// <summary>Answers by status code, or "timeout" and "error: ..." for requests that got none.</summary>
    public IReadOnlyDictionary<string, long> Statuses { get; }

    public long UnavailableWithoutRetryAfter { get; }

    public static LoadResult Merge(IReadOnlyList<ClientTally> tallies, TimeSpan elapsed)
    {
        var latencies = tallies.SelectMany(tally => tally.Latencies).ToArray();
        Array.Sort(latencies);
        var statuses = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (status, count) in tallies.SelectMany(tally => tally.Statuses))
        {
            statuses[status] = statuses.GetValueOrDefault(status) + count;
        }

        return new LoadResult(tallies.Count, elapsed, latencies, statuses, tallies.Sum(tally => tally.UnavailableWithoutRetryAfter));
    }

    /// <summary>The answers whose status is none of <paramref name="statuses"/>.</summary>
    public long CountOtherThan(params string[] statuses) =>
        Statuses.Where(status => !statuses.Contains(status.Key)).Sum(status => status.Value);

    // Nearest rank: the smallest latency that at least p % of the requests did not exceed.
    private static double Percentile(long[] sortedTicks, int percent) => sortedTicks.Length == 0
        ? double.NaN
        : sortedTicks[(int)Math.Ceiling(percent / 100.0 * sortedTicks.Length) - 1] * 1000.0 / Stopwatch.Frequency;
}
