using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace UserTypes.HttpLoad;

/// <summary>
/// The four scenarios, in order: anonymous, basic, apikey, then the flood. The flood comes last because its wrong
/// passwords lock the demo admin out, which would turn the basic scenario into 401s.
/// </summary>
internal sealed class LoadScenarios(Uri baseAddress, HarnessOptions options, TextWriter progress)
{
    /// <summary>
    /// Every scenario calls the one endpoint any user may call, the anonymous account included, and the cheapest: so
    /// the ratios compare the authentication of the calls and nothing else.
    /// </summary>
    public const string MePath = "/workspaces/demo/me";

    public const string ApiKeysPath = "/workspaces/demo/me/api-keys";

    // Long enough to open every connection and let the JIT reach tier 1 on both sides before anything is counted.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    private readonly TimeSpan _duration = TimeSpan.FromSeconds(options.Seconds);

    public async Task<LoadReport> RunAsync(string samplePath, CancellationToken cancellationToken)
    {
        var (apiKey, apiKeySkipped) = await CreateApiKeyAsync(cancellationToken);
        if (apiKey is null)
        {
            await progress.WriteLineAsync($"apikey: skipped ({apiKeySkipped})");
        }

        // Every kind of call warms the sample up before any is measured: the first scenario measured would otherwise
        // pay for the JIT's tiering of code the others share.
        var scenarios = new List<(string Name, Func<HttpRequestMessage> NewRequest)>
        {
            ("anonymous", () => Get(MePath, null)),
            ("basic", () => Get(MePath, Credentials.Admin)),
        };
        if (apiKey is not null)
        {
            var bearer = Credentials.Bearer(apiKey);
            scenarios.Add(("apikey", () => Get(MePath, bearer)));
        }

        foreach (var (name, newRequest) in scenarios)
        {
            await progress.WriteLineAsync($"{name}: warming up for {WarmUp.TotalSeconds} s");
            using var group = new LoadGroup(baseAddress, options.Clients, newRequest);
            await group.RunAsync(WarmUp, cancellationToken);
        }

        var measured = new Dictionary<string, LoadResult>();
        foreach (var (name, newRequest) in scenarios)
        {
            measured[name] = await MeasureAsync(name, newRequest, cancellationToken);
        }

        var (floodAnonymous, flood) = await FloodAsync(cancellationToken);
        return new LoadReport(samplePath, options, measured["anonymous"], measured["basic"], measured.GetValueOrDefault("apikey"), apiKeySkipped, floodAnonymous, flood);
    }

    private async Task<LoadResult> MeasureAsync(string scenario, Func<HttpRequestMessage> newRequest, CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync($"{scenario}: {options.Clients} clients, {WarmUp.TotalSeconds} s warm-up, {options.Seconds} s measured");
        using var group = new LoadGroup(baseAddress, options.Clients, newRequest);
        await group.RunAsync(WarmUp, cancellationToken);
        return await group.RunAsync(_duration, cancellationToken);
    }

    private async Task<(LoadResult Anonymous, LoadResult Flood)> FloodAsync(CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync(
            $"flood: {options.FloodClients} clients with wrong passwords beside {options.Clients} anonymous clients, {WarmUp.TotalSeconds} s warm-up, {options.Seconds} s measured");
        using var anonymous = new LoadGroup(baseAddress, options.Clients, () => Get(MePath, null));
        using var flood = new LoadGroup(baseAddress, options.FloodClients, () => Get(MePath, Credentials.Wrong()));
        await Task.WhenAll(anonymous.RunAsync(WarmUp, cancellationToken), flood.RunAsync(WarmUp, cancellationToken));
        var measured = await Task.WhenAll(anonymous.RunAsync(_duration, cancellationToken), flood.RunAsync(_duration, cancellationToken));
        return (measured[0], measured[1]);
    }

    // The key, or why there is none: the endpoint may not exist yet, and the other scenarios are worth reporting anyway.
    private async Task<(string? Key, string? Skipped)> CreateApiKeyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var request = Get(ApiKeysPath, Credentials.Admin);
        request.Method = HttpMethod.Post;
        request.Content = new StringContent("""{"name":"load-test"}""", Encoding.UTF8, "application/json");
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return (null, $"POST /me/api-keys answered {(int)response.StatusCode}");
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("key", out var key)
                && key.ValueKind == JsonValueKind.String
                    ? (key.GetString(), null)
                    : (null, "POST /me/api-keys answered 201 without a \"key\" string");
        }
        catch (JsonException)
        {
            return (null, "POST /me/api-keys answered 201 with a body that is not JSON");
        }
        catch (HttpRequestException exception)
        {
            return (null, $"POST /me/api-keys failed: {exception.HttpRequestError}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "POST /me/api-keys timed out");
        }
    }

    private static HttpRequestMessage Get(string path, AuthenticationHeaderValue? authorization) =>
        new(HttpMethod.Get, path) { Headers = { Authorization = authorization } };
}
