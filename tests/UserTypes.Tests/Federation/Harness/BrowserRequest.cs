using System.Net;

namespace UserTypes.Tests.Federation.Harness;

/// <summary>
/// A request a <see cref="TestBrowser"/> sent: what went out (its form fields and the Cookie header, empty when there
/// was none) and the status that came back. <see cref="TestBrowser.ReplayAsync"/> sends it again.
/// </summary>
internal sealed record BrowserRequest(HttpMethod Method, Uri Uri, IReadOnlyList<KeyValuePair<string, string>> Form, string Cookie, HttpStatusCode Status);
