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
}
