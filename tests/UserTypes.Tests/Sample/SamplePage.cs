using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace UserTypes.Tests.Sample;

/// <summary>A page the <see cref="SampleBrowser"/> ended on: where it is, its status, and its HTML, read as a browser reads it.</summary>
internal sealed record SamplePage(Uri Uri, HttpStatusCode StatusCode, string Html)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The text of the element with that id, or <see langword="null"/> when there is none.</summary>
    public string? TextOf(string id) => Read(document => document.GetElementById(id)?.TextContent.Trim());

    /// <summary>Where the page's link with that text leads.</summary>
    public Uri LinkTo(string text) =>
        new(Uri, Read(document => document.QuerySelectorAll("a").Single(link => link.TextContent.Trim() == text).GetAttribute("href"))!);

    /// <summary>The texts of the page's links.</summary>
    public IReadOnlyList<string> Links() => Read(document => document.QuerySelectorAll("a").Select(link => link.TextContent.Trim()).ToList());

    public T Read<T>(Func<IHtmlDocument, T> read)
    {
        using var document = Parser.ParseDocument(Html);
        return read(document);
    }
}
