using System.Net.Http.Headers;

namespace UserTypes.Tests.AspNetCore;

/// <summary>
/// A client that keeps one cookie as a browser does: it sends it, takes a re-issued one, and drops it when the server
/// clears it. <see cref="Cookie"/> can be copied into another browser, as an attacker copies a cookie.
/// </summary>
internal sealed class SessionBrowser(HttpClient client, string cookieName)
{
    public string? Cookie { get; set; }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (Cookie is not null)
        {
            request.Headers.Add("Cookie", Cookie);
        }

        request.Headers.Authorization = authorization;
        var response = await client.SendAsync(request);
        foreach (var set in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = set.Split(';')[0];
            if (pair.StartsWith(cookieName + "=", StringComparison.Ordinal))
            {
                Cookie = pair.Length == cookieName.Length + 1 ? null : pair;
            }
        }

        return response;
    }
}
