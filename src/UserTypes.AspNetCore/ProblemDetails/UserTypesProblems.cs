using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace UserTypes.AspNetCore;

/// <summary>The one way this package writes an error response: a problem details body with the status's reason phrase as its title.</summary>
internal static class UserTypesProblems
{
    /// <summary>Builds the problem details of a status.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="detail">What went wrong, for the caller: never a secret.</param>
    /// <returns>The problem details.</returns>
    public static ProblemDetails For(int status, string detail) =>
        new() { Status = status, Title = ReasonPhrases.GetReasonPhrase(status), Detail = detail };

    /// <summary>Writes the problem details of a status as the response.</summary>
    /// <param name="context">The request.</param>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="detail">What went wrong, for the caller.</param>
    /// <returns>A task that completes when written.</returns>
    public static Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(For(status, detail), options: null, contentType: "application/problem+json", cancellationToken: context.RequestAborted);
    }

    /// <summary>Writes the answer to <see cref="HashingBusyException"/>: 503, with <c>Retry-After</c> in whole seconds.</summary>
    /// <param name="context">The request.</param>
    /// <param name="busy">The refusal.</param>
    /// <returns>A task that completes when written.</returns>
    public static Task WriteBusyAsync(HttpContext context, HashingBusyException busy)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds(busy);
        return WriteAsync(context, StatusCodes.Status503ServiceUnavailable, BusyDetail);
    }

    /// <summary>The detail of a 503 for <see cref="HashingBusyException"/>.</summary>
    public const string BusyDetail = "Too many passwords are being checked at once; try again shortly.";

    /// <summary>The <c>Retry-After</c> value of a refusal: whole seconds, at least one.</summary>
    /// <param name="busy">The refusal.</param>
    /// <returns>The header value.</returns>
    public static string RetryAfterSeconds(HashingBusyException busy) =>
        Math.Max(1, (int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
