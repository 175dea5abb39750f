namespace UserTypes.Tests.Sample;

/// <summary>The sample host in memory on a fresh data folder per test, and a client that keeps its cookies.</summary>
public abstract class SampleFixture
{
    internal SampleFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    [SetUp]
    public void StartSample()
    {
        Factory = new SampleFactory();
        Client = Factory.CreateClient();
    }

    [TearDown]
    public async Task StopSampleAsync()
    {
        Client?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }

    protected Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Client.SendAsync(request);
}
