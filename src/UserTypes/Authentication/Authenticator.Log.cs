using Microsoft.Extensions.Logging;

namespace UserTypes;

internal sealed partial class Authenticator
{
    // Passwords never reach a log line. What was typed as a user name only reaches Debug, bounded and escaped: people
    // type passwords into the user-name field, and an attacker types line breaks to forge entries.
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Authenticated '{UserName}' ({UserType}) in workspace '{WorkspaceId}' from {Client}; implicit anonymous: {ImplicitAnonymous}.")]
    private static partial void LogSucceeded(ILogger logger, string workspaceId, string userName, UserType userType, ClientKind client, bool implicitAnonymous);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Authentication in workspace '{WorkspaceId}' from {Client} failed: {Reason}.")]
    private static partial void LogFailed(ILogger logger, string workspaceId, AuthenticationFailureReason reason, ClientKind client);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "The failed authentication in workspace '{WorkspaceId}' was attempted with the user name '{UserName}'.")]
    private static partial void LogFailedUserName(ILogger logger, string workspaceId, string? userName);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "The password hash of account '{UserId}' in workspace '{WorkspaceId}' could not be renewed; the next login tries again.")]
    private static partial void LogRehashFailed(ILogger logger, string workspaceId, string userId, Exception exception);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "The verified password of account '{UserId}' in workspace '{WorkspaceId}' could not be remembered; its next call pays BCrypt again.")]
    private static partial void LogNotRemembered(ILogger logger, string workspaceId, string userId, Exception exception);
}
