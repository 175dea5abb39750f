namespace UserTypes.Tests.Federation.Harness;

/// <summary>Ends a test's harness in the order it depends on: the browsers, then the relying party, then the providers.</summary>
internal static class HarnessTeardown
{
    public static async Task DisposeAsync(IEnumerable<TestBrowser> browsers, TestRelyingParty? app, IEnumerable<TestIdentityProvider> providers)
    {
        foreach (var browser in browsers)
        {
            browser.Dispose();
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }

        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }
    }
}
