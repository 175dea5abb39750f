using System.Diagnostics;

namespace UserTypes.HttpLoad;

/// <summary>
/// Keep-alive clients on one connection pool, one connection each, each sending its next request as soon as it has
/// read the last answer: a closed loop, so the throughput is what the server sustains with that many callers.
/// </summary>
internal sealed class LoadGroup : IDisposable
{
    private readonly HttpClient _client;
    private readonly int _clients;
    private readonly Func<HttpRequestMessage> _newRequest;

    /// <param name="baseAddress">The sample.</param>
    /// <param name="clients">How many clients, and connections.</param>
    /// <param name="newRequest">Makes each request; called from all the clients at once.</param>
    public LoadGroup(Uri baseAddress, int clients, Func<HttpRequestMessage> newRequest)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,

            // The connections opened in the warm-up are the ones measured: none is recycled while the load runs.
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        (_clients, _newRequest) = (clients, newRequest);
    }

    public async Task<LoadResult> RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tallies = await Task.WhenAll(Enumerable.Range(0, _clients).Select(_ => RunClientAsync(deadline, cancellationToken)));
        return LoadResult.Merge(tallies, Stopwatch.GetElapsedTime(started));
    }

    public void Dispose() => _client.Dispose();

    private async Task<ClientTally> RunClientAsync(long deadline, CancellationToken cancellationToken)
    {
        // Each client starts on the thread pool, so that making 200 first requests does not wait for one thread.
        await Task.Yield();
        var tally = new ClientTally();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            using var request = _newRequest();
            var sent = Stopwatch.GetTimestamp();
            try
            {
                // The default completion option reads the whole body before SendAsync returns, within the timeout.
                using var response = await _client.SendAsync(request, cancellationToken);
                tally.Record(Stopwatch.GetTimestamp() - sent, response);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                tally.Record(Stopwatch.GetTimestamp() - sent, "timeout");
            }
            catch (HttpRequestException exception)
            {
                tally.Record(Stopwatch.GetTimestamp() - sent, $"error: {exception.HttpRequestError}");
            }
        }

        return tally;
    }
}
