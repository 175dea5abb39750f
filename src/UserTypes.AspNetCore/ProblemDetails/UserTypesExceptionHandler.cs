using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>
/// Turns the library's refusals into problem details with the status each one means, so a host catches no BCL type:
/// a failed authentication is 401 with the one generic message; a missing right, licence or switched-off feature 403;
/// an unknown workspace or account 404; a full seat limit, a taken name or the last owner 409; bad input to a UserTypes
/// call (an <see cref="ArgumentException"/> thrown by UserTypes itself) 400. Anything else is left to the host.
/// </summary>
internal sealed class UserTypesExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private static readonly Assembly Library = typeof(IUserDirectory).Assembly;
    private static readonly Assembly CoreLibrary = typeof(object).Assembly;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Describe(exception) is not var (status, detail))
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (exception is HashingBusyException busy)
        {
            httpContext.Response.Headers.RetryAfter = UserTypesProblems.RetryAfterSeconds(busy);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = UserTypesProblems.For(status, detail),
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The status an exception means and the detail the caller may read, or <see langword="null"/> when it is not the
    /// library's to answer. Details are fixed per refusal: an exception's message is for the log and may name a
    /// workspace, an account or the host's configuration. Only bad input keeps its message, which is about the input.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The status and detail.</returns>
    internal static (int Status, string Detail)? Describe(Exception exception) => exception switch
    {
        AuthenticationFailedException => (StatusCodes.Status401Unauthorized, AuthenticationFailedException.GenericMessage),
        AccessDeniedException => (StatusCodes.Status403Forbidden, "You may not do this."),
        LicenseRequiredException => (StatusCodes.Status403Forbidden, "The workspace's licence does not allow this."),
        ExternalUsersDisabledException => (StatusCodes.Status403Forbidden, "External users are not allowed."),
        RightsCeilingExceededException => (StatusCodes.Status403Forbidden, "The grant is more than the account's user type may hold."),
        WorkspaceNotFoundException => (StatusCodes.Status404NotFound, "There is no such workspace."),
        AccountNotFoundException => (StatusCodes.Status404NotFound, "There is no such account."),
        HashingBusyException => (StatusCodes.Status503ServiceUnavailable, UserTypesProblems.BusyDetail),
        SeatLimitExceededException => (StatusCodes.Status409Conflict, "No seat of this user type is free."),
        UserNameTakenException => (StatusCodes.Status409Conflict, "The user name is taken."),
        EmailTakenException => (StatusCodes.Status409Conflict, "The e-mail address belongs to another account."),
        LastOwnerException => (StatusCodes.Status409Conflict, "A workspace keeps at least one owner."),
        LastAdministratorException => (StatusCodes.Status409Conflict, "A workspace keeps at least one enabled administrator."),
        ArgumentException when IsThrownByUserTypes(exception) => (StatusCodes.Status400BadRequest, exception.Message),
        _ => null,
    };

    // Bad input to UserTypes is the caller's fault for sure; an ArgumentException thrown elsewhere (the host's code, a
    // store of its own, a database driver), even one that passed through UserTypes, may be a bug whose message should
    // not reach the caller. The throw site is the first frame outside the core library's throw helpers.
    private static bool IsThrownByUserTypes(Exception exception) =>
        new StackTrace(exception).GetFrames()
            .Select(frame => frame.GetMethod()?.DeclaringType?.Assembly)
            .FirstOrDefault(assembly => assembly != CoreLibrary) == Library;
}
