using Microsoft.Extensions.Logging;

namespace UserTypes;

internal sealed partial class Authenticator
{
    // Passwords never reach a log line; user names do, for the administrator tracing a failure.
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Authenticated '{UserName}' ({UserType}) in workspace '{WorkspaceId}' from {Client}; implicit anonymous: {ImplicitAnonymous}.")]
    private static partial void LogSucceeded(ILogger logger, string workspaceId, string userName, UserType userType, ClientKind client, bool implicitAnonymous);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Authentication of '{UserName}' in workspace '{WorkspaceId}' from {Client} failed: {Reason}.")]
    private static partial void LogFailed(ILogger logger, string workspaceId, string? userName, AuthenticationFailureReason reason, ClientKind client);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "The stored password hash of account '{UserId}' in workspace '{WorkspaceId}' is malformed; the login was refused. Reset the account's password.")]
    private static partial void LogMalformedHash(ILogger logger, string workspaceId, string userId);
}
