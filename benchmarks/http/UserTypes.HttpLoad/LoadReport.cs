using System.Globalization;

namespace UserTypes.HttpLoad;

/// <summary>Every figure of a run and each goal met or not, as markdown tables.</summary>
internal sealed class LoadReport(
    string samplePath,
    HarnessOptions options,
    LoadResult anonymous,
    LoadResult basic,
    LoadResult? apiKey,
    string? apiKeySkipped,
    LoadResult floodAnonymous,
    LoadResult flood)
{
    public const double BasicRatioGoal = 0.3;
    public const double ApiKeyRatioGoal = 0.5;
    public const double FloodAnonymousP95GoalMilliseconds = 100;

    public void WriteTo(TextWriter output)
    {
        output.WriteLine("# UserTypes HTTP load");
        output.WriteLine();
        output.WriteLine(
            $"Sample: {samplePath}. Each scenario measured for {options.Seconds} s after a 2 s warm-up; "
            + $"{Environment.ProcessorCount} logical cores, shared by the sample and the harness.");
        output.WriteLine();

        var figures = new MarkdownTable("Scenario", "Clients", "Requests", "Requests/s", "× anonymous", "p50 ms", "p95 ms", "p99 ms", "Status codes");
        figures.Add(Row("anonymous", anonymous));
        figures.Add(Row("basic", basic));
        figures.Add(apiKey is null ? ["apikey", "", "", "", "", "", "", "", $"skipped ({apiKeySkipped})"] : Row("apikey", apiKey));
        figures.Add(Row("flood: anonymous", floodAnonymous));
        figures.Add(Row("flood: wrong passwords", flood));
        figures.WriteTo(output);
        output.WriteLine();

        var goals = new MarkdownTable("Goal", "Figure", "Met");
        goals.Add(RatioGoal("basic", basic, BasicRatioGoal));
        goals.Add(apiKey is null
            ? [$"apikey ≥ {Number(ApiKeyRatioGoal)} × anonymous requests/s", $"skipped ({apiKeySkipped})", "NOT met (not measured)"]
            : RatioGoal("apikey", apiKey, ApiKeyRatioGoal));
        goals.Add([
            $"flood: anonymous p95 ≤ {Number(FloodAnonymousP95GoalMilliseconds)} ms",
            $"{Milliseconds(floodAnonymous.P95Milliseconds)} ms",
            Met(floodAnonymous.P95Milliseconds <= FloodAnonymousP95GoalMilliseconds)]);
        var otherThanRefused = flood.CountOtherThan("401", "503");
        goals.Add([
            "flood: answered only 401 or 503 (never 500)",
            $"{otherThanRefused} other answers, {flood.Statuses.GetValueOrDefault("500")} of them 500",
            Met(otherThanRefused == 0)]);
        goals.Add([
            "flood: every 503 carries Retry-After",
            $"{flood.UnavailableWithoutRetryAfter} of {flood.Statuses.GetValueOrDefault("503")} lacked it",
            Met(flood.UnavailableWithoutRetryAfter == 0)]);
        goals.WriteTo(output);
    }

    private string[] Row(string scenario, LoadResult result) =>
    [
        scenario,
        result.Clients.ToString(CultureInfo.InvariantCulture),
        result.Requests.ToString(CultureInfo.InvariantCulture),
        result.RequestsPerSecond.ToString("F0", CultureInfo.InvariantCulture),
        Ratio(result),
        Milliseconds(result.P50Milliseconds),
        Milliseconds(result.P95Milliseconds),
        Milliseconds(result.P99Milliseconds),
        string.Join(", ", result.Statuses.Select(status => $"{status.Key}: {status.Value}")),
    ];

    // A throughput of answers that were not 200 (a lockout's 401s, say) would meet the ratio without meaning it.
    private string[] RatioGoal(string scenario, LoadResult result, double goal)
    {
        var notOk = result.CountOtherThan("200");
        var met = result.RequestsPerSecond >= goal * anonymous.RequestsPerSecond;
        return
        [
            $"{scenario} ≥ {Number(goal)} × anonymous requests/s",
            Ratio(result),
            notOk == 0 ? Met(met) : $"NOT met ({notOk} of {result.Requests} answers were not 200)",
        ];
    }

    private string Ratio(LoadResult result) => anonymous.RequestsPerSecond > 0
        ? (result.RequestsPerSecond / anonymous.RequestsPerSecond).ToString("F3", CultureInfo.InvariantCulture)
        : "n/a";

    private static string Milliseconds(double milliseconds) =>
        double.IsNaN(milliseconds) ? "n/a" : milliseconds.ToString("F2", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Met(bool met) => met ? "met" : "NOT met";
}
