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

    /// <summary>A whole sign-up over HTTP, as a person does it: ask, read the mail in the outbox, complete with its token.</summary>
    protected async Task<HttpResponseMessage> SignUpAsync(string email)
    {
        (await SendAsync(SampleClient.Request(HttpMethod.Post, "/signup", new { email }))).StatusCode.Should().Be(System.Net.HttpStatusCode.Accepted);
        return await SendAsync(SampleClient.Request(HttpMethod.Post, "/signup/complete", new { email, token = Outbox.TokenFor(Factory.Folder, email, "SignUp"), password = "lemon tree 1" }));
    }
}
