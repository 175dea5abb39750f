using System.Net;
using AngleSharp.Html.Dom;

namespace UserTypes.Tests.Sample;

/// <summary>
/// A browser over real HTTP: cookies kept by host and path in a <see cref="CookieContainer"/>, redirects followed (a
/// 302 or 303 turning a post into a get), a page's form filled and submitted, and a form_post page (a form its script
/// submits) posted with its hidden fields, as the script would.
/// </summary>
internal sealed class SampleBrowser : IDisposable
{
    // Far more than a sign-in takes (login, challenge, provider, form_post, callback, page), few enough to stop a loop.
    private const int MaxHops = 20;

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    public CookieContainer Cookies { get; } = new();

    public Task<SamplePage> OpenAsync(Uri uri, CancellationToken cancellationToken) => FollowAsync(HttpMethod.Get, uri, [], cancellationToken);

    /// <summary>
    /// Submits the page's only form with its hidden fields and <paramref name="fields"/>, each of which must be one of
    /// its inputs (a checkbox is ticked by giving its value).
    /// </summary>
    public Task<SamplePage> SubmitAsync(SamplePage page, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var (action, values) = page.Read(document =>
        {
            var form = document.Forms.Single();
            var inputs = form.Elements.OfType<IHtmlInputElement>().Where(input => !string.IsNullOrEmpty(input.Name)).ToList();
            var unknown = fields.Keys.Where(name => inputs.All(input => input.Name != name)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException($"The form of {page.Uri} has no input named {string.Join(", ", unknown)}.");
            }

            var hidden = inputs.Where(input => input.Type == "hidden").Select(input => KeyValuePair.Create(input.Name!, input.Value));
            return (new Uri(page.Uri, form.GetAttribute("action") ?? string.Empty), hidden.Concat(fields).ToList());
        });
        return FollowAsync(HttpMethod.Post, action, values, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<SamplePage> FollowAsync(HttpMethod method, Uri uri, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        for (var hop = 0; hop < MaxHops; hop++)
        {
            using var response = await SendAsync(method, uri, form, cancellationToken);
            if (response.StatusCode is >= HttpStatusCode.MovedPermanently and <= HttpStatusCode.PermanentRedirect && response.Headers.Location is { } location)
            {
                if (response.StatusCode is not (HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect))
                {
                    (method, form) = (HttpMethod.Get, []);
                }

                uri = new Uri(uri, location);
                continue;
            }

            var page = new SamplePage(uri, response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
            if (AutoSubmitted(page) is not { } post)
            {
                return page;
            }

            (method, uri, form) = (HttpMethod.Post, post.Action, post.Fields);
        }

        throw new InvalidOperationException($"More than {MaxHops} redirects or posted forms, the last to {uri}.");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        var cookie = Cookies.GetCookieHeader(uri);
        if (cookie.Length > 0)
        {
            request.Headers.Add("Cookie", cookie);
        }

        var response = await _http.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            // One header at a time: joined with commas they would split inside the dates of Expires.
            foreach (var setCookie in setCookies)
            {
                Cookies.SetCookies(uri, setCookie);
            }
        }

        return response;
    }

    /// <summary>
    /// The form a browser would post from the page without anyone clicking: its only form, posting, when a script of
    /// the page submits it. The browser runs no script, so it takes that script's word.
    /// </summary>
    private static (Uri Action, IReadOnlyList<KeyValuePair<string, string>> Fields)? AutoSubmitted(SamplePage page) =>
        page.StatusCode != HttpStatusCode.OK
            ? null
            : page.Read<(Uri, IReadOnlyList<KeyValuePair<string, string>>)?>(document =>
            {
                if (document.Forms.Length != 1
                    || !document.Scripts.Any(script => script.Text.Contains(".submit()", StringComparison.Ordinal))
                    || !string.Equals(document.Forms[0].Method, "post", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                var form = document.Forms[0];
                var fields = form.Elements.OfType<IHtmlInputElement>()
                    .Where(input => input.Type == "hidden" && !string.IsNullOrEmpty(input.Name))
                    .Select(input => KeyValuePair.Create(input.Name!, input.Value))
                    .ToList();
                return (new Uri(page.Uri, form.GetAttribute("action") ?? string.Empty), fields);
            });
}
