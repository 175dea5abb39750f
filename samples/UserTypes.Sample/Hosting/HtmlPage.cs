using System.Text.Encodings.Web;

namespace UserTypes.Sample.Hosting;

/// <summary>
/// A small server-rendered page. The body is HTML the caller assembled, every value in it passed through
/// <see cref="Encode"/>; the page loads nothing, runs no script, may not be framed, and posts its forms only here.
/// </summary>
internal sealed class HtmlPage(string title, string body, int statusCode = StatusCodes.Status200OK) : IResult
{
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

        // Pages show who is signed in and carry antiforgery tokens: no cache keeps them.
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>{Encode(title)}</title></head>
            <body>
            <h1>{Encode(title)}</h1>
            {body}
            </body>
            </html>
            """);
    }
}
