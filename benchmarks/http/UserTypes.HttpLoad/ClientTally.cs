using System.Globalization;
using System.Net;

namespace UserTypes.HttpLoad;

/// <summary>What one client saw, kept apart from the others' so that recording takes no lock while the load runs.</summary>
internal sealed class ClientTally
{
    public List<long> Latencies { get; } = [];

    public Dictionary<string, long> Statuses { get; } = [];

    /// <summary>503 answers without Retry-After: a client told to go away should be told for how long.</summary>
    public long UnavailableWithoutRetryAfter { get; private set; }

    public void Record(long elapsedTicks, HttpResponseMessage response)
    {
        Record(elapsedTicks, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is null)
        {
            UnavailableWithoutRetryAfter++;
        }
    }

    public void Record(long elapsedTicks, string status)
    {
        Latencies.Add(elapsedTicks);
        Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
    }
}
