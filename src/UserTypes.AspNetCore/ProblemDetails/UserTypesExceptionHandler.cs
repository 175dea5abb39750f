using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>
/// Turns the library's refusals into problem details with the status each one means, so a host catches no BCL type:
/// a failed authentication is 401 with the one generic message; a missing right, licence or switched-off feature 403;
/// an unknown workspace or account 404; a full seat limit, a taken name or the last owner 409; bad input to a UserTypes
/// call (an <see cref="ArgumentException"/> thrown from inside UserTypes) 400. Anything else is left to the host.
/// </summary>
internal sealed class UserTypesExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private static readonly System.Reflection.Assembly Library = typeof(IUserDirectory).Assembly;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (StatusOf(exception) is not { } status)
        {
            return false;
        }

        // The reason of a failed authentication is for logs only: the caller gets the message every failure has.
        var detail = exception is AuthenticationFailedException ? AuthenticationFailedException.GenericMessage : exception.Message;
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = UserTypesProblems.For(status, detail),
        }).ConfigureAwait(false);
    }

    /// <summary>The status code an exception means, or <see langword="null"/> when it is not the library's to answer.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The status code.</returns>
    internal static int? StatusOf(Exception exception) => exception switch
    {
        AuthenticationFailedException => StatusCodes.Status401Unauthorized,
        AccessDeniedException or LicenseRequiredException or RightsCeilingExceededException or ExternalUsersDisabledException => StatusCodes.Status403Forbidden,
        WorkspaceNotFoundException or AccountNotFoundException => StatusCodes.Status404NotFound,
        SeatLimitExceededException or UserNameTakenException or LastOwnerException => StatusCodes.Status409Conflict,
        ArgumentException when IsThrownByUserTypes(exception) => StatusCodes.Status400BadRequest,
        _ => null,
    };

    // Only bad input to UserTypes itself is the caller's fault for sure; an ArgumentException from the host's own code
    // may be a bug whose message should not reach the caller.
    private static bool IsThrownByUserTypes(Exception exception) =>
        new StackTrace(exception).GetFrames().Any(frame => frame.GetMethod()?.DeclaringType?.Assembly == Library);
}
