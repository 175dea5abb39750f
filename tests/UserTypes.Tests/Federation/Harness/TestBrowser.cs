using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace UserTypes.Tests.Federation.Harness;

/// <summary>
/// A browser over in-memory servers: each request goes to the <see cref="TestServer"/> whose base address it is under
/// (the deepest, as providers may share a host under paths of their own, as Entra ID's tenants do), cookies are kept in
/// one <see cref="CookieContainer"/> by host and path as a browser keeps them, redirects are followed across hosts, and a
/// form_post page (a form that its script submits) is posted to its action with its hidden fields. Every request sent
/// is kept in <see cref="History"/>, from where a test can replay it, and a test can tamper with the requests to an
/// endpoint before they leave.
/// </summary>
internal sealed class TestBrowser : IDisposable
{
    // Far more than a sign-in takes (login, provider, callback, /me), few enough to stop a loop at once.
    private const int MaxHops = 20;

    private readonly List<(Uri BaseAddress, HttpMessageInvoker Invoker)> _servers = [];
    private readonly List<(string Endpoint, Func<Uri, Uri> Tamper)> _tampering = [];
    private readonly List<(string Endpoint, Action<HttpRequestMessage> Tamper)> _requestTampering = [];
    private readonly List<BrowserRequest> _history = [];
    private readonly HtmlParser _parser = new();

    /// <summary>A browser that reaches <paramref name="servers"/>, each below its base address, and nothing else.</summary>
    public TestBrowser(params IEnumerable<TestServer> servers)
    {
        foreach (var server in servers)
        {
            _servers.Add((server.BaseAddress, new HttpMessageInvoker(server.CreateHandler())));
        }
    }

    public CookieContainer Cookies { get; } = new();

    public IReadOnlyList<BrowserRequest> History => _history;

    /// <summary>Opens <paramref name="uri"/> and follows where it leads; the answer is the last response, unread.</summary>
    public Task<HttpResponseMessage> NavigateAsync(Uri uri) => FollowAsync(HttpMethod.Get, uri, [], cookie: null);

    /// <summary>Submits a form of <paramref name="fields"/> to <paramref name="uri"/> and follows where it leads.</summary>
    public Task<HttpResponseMessage> PostAsync(Uri uri, params IReadOnlyList<KeyValuePair<string, string>> fields) => FollowAsync(HttpMethod.Post, uri, fields, cookie: null);

    /// <summary>
    /// Sends <paramref name="request"/> again and follows where it leads: with the cookies the browser holds now, as a
    /// person re-submits a page, or with <paramref name="itsOwnCookies"/>, the Cookie header it went with, as someone who
    /// captured the whole request would.
    /// </summary>
    public Task<HttpResponseMessage> ReplayAsync(BrowserRequest request, bool itsOwnCookies = false) =>
        FollowAsync(request.Method, request.Uri, request.Form, itsOwnCookies ? request.Cookie : null);

    /// <summary>Rewrites every request to <paramref name="endpoint"/> (scheme, host and path; any query) before it is sent.</summary>
    public void Tamper(Uri endpoint, Func<Uri, Uri> tamper) => _tampering.Add((endpoint.GetLeftPart(UriPartial.Path), tamper));

    /// <summary>Edits every request to <paramref name="endpoint"/> (its headers, say) once it is built, before it is sent.</summary>
    public void TamperRequest(Uri endpoint, Action<HttpRequestMessage> tamper) => _requestTampering.Add((endpoint.GetLeftPart(UriPartial.Path), tamper));

    /// <summary><paramref name="uri"/> with its query parameters edited by <paramref name="edit"/>.</summary>
    public static Uri EditQuery(Uri uri, Action<Dictionary<string, StringValues>> edit)
    {
        var query = QueryHelpers.ParseQuery(uri.Query);
        edit(query);
        return new Uri(QueryHelpers.AddQueryString(uri.GetLeftPart(UriPartial.Path), query));
    }

    public void Dispose()
    {
        foreach (var (_, invoker) in _servers)
        {
            invoker.Dispose();
        }
    }

    private async Task<HttpResponseMessage> FollowAsync(HttpMethod method, Uri uri, IReadOnlyList<KeyValuePair<string, string>> form, string? cookie)
    {
        for (var hop = 0; hop < MaxHops; hop++)
        {
            var response = await SendAsync(method, uri, form, cookie);

            // A replayed request's own cookies go with it alone; what it leads to carries the browser's.
            cookie = null;
            if (response.StatusCode is >= HttpStatusCode.MovedPermanently and <= HttpStatusCode.PermanentRedirect && response.Headers.Location is { } location)
            {
                // 307 and 308 repeat the request as it was; the others turn it into a GET, as browsers do.
                if (response.StatusCode is not (HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect))
                {
                    (method, form) = (HttpMethod.Get, []);
                }

                uri = new Uri(uri, location);
                response.Dispose();
                continue;
            }

            if (await AutoSubmittedFormAsync(response, uri) is { } post)
            {
                (method, uri, form) = (HttpMethod.Post, post.Action, post.Fields);
                response.Dispose();
                continue;
            }

            return response;
        }

        throw new InvalidOperationException($"More than {MaxHops} redirects or posted forms from {_history[^MaxHops].Uri}.");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, IReadOnlyList<KeyValuePair<string, string>> form, string? cookie)
    {
        foreach (var (endpoint, tamper) in _tampering)
        {
            if (IsEndpoint(uri, endpoint))
            {
                uri = tamper(uri);
            }
        }

        var host = _servers
            .Where(server => string.Equals(uri.GetLeftPart(UriPartial.Authority), server.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
                && uri.AbsolutePath.StartsWith(server.BaseAddress.AbsolutePath, StringComparison.Ordinal))
            .OrderByDescending(server => server.BaseAddress.AbsolutePath.Length)
            .Select(server => server.Invoker)
            .FirstOrDefault() ?? throw new InvalidOperationException($"The browser was sent to {uri}, where it has no server.");

        using var request = new HttpRequestMessage(method, uri);
        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        cookie ??= Cookies.GetCookieHeader(uri);
        if (cookie.Length > 0)
        {
            request.Headers.Add("Cookie", cookie);
        }

        foreach (var (endpoint, tamper) in _requestTampering)
        {
            if (IsEndpoint(uri, endpoint))
            {
                tamper(request);
            }
        }

        var response = await host.SendAsync(request, CancellationToken.None);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            // One header at a time: joined with commas they would split inside the dates of Expires.
            foreach (var setCookie in setCookies)
            {
                Cookies.SetCookies(uri, setCookie);
            }
        }

        _history.Add(new BrowserRequest(method, uri, form, cookie, response.StatusCode));
        return response;
    }

    private static bool IsEndpoint(Uri uri, string endpoint) => string.Equals(uri.GetLeftPart(UriPartial.Path), endpoint, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The form a browser would post from <paramref name="response"/>'s page without anyone clicking: the page's only
    /// form, posting, when a script of the page submits it. The harness runs no script, so it takes that script's word.
    /// </summary>
    private async Task<(Uri Action, IReadOnlyList<KeyValuePair<string, string>> Fields)?> AutoSubmittedFormAsync(HttpResponseMessage response, Uri page)
    {
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return null;
        }

        // Buffered, so that the caller can still read a page that is not a form_post.
        await response.Content.LoadIntoBufferAsync();
        using var document = await _parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        if (document.Forms.Length != 1 || !document.Scripts.Any(script => script.Text.Contains(".submit()", StringComparison.Ordinal)))
        {
            return null;
        }

        var form = document.Forms[0];
        if (!string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => input.Type == "hidden" && !string.IsNullOrEmpty(input.Name))
            .Select(input => KeyValuePair.Create(input.Name!, input.Value))
            .ToList();
        return (new Uri(page, form.GetAttribute("action") ?? string.Empty), fields);
    }
}
