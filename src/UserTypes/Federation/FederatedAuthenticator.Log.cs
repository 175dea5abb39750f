using Microsoft.Extensions.Logging;

namespace UserTypes;

internal sealed partial class FederatedAuthenticator
{
    // Neither the identity's subject nor its address reaches a log line: accounts are named by id only.
    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Federated sign-in to account '{UserId}' in workspace '{WorkspaceId}': {Status}, address trust {Trust}.")]
    private static partial void LogSignedIn(ILogger logger, string workspaceId, string userId, FederatedSignInStatus status, AddressTrust trust);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Federated sign-in to workspace '{WorkspaceId}' needs a link: an account holds the identity's address (trust {Trust}).")]
    private static partial void LogLinkRequired(ILogger logger, string workspaceId, AddressTrust trust);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Federated sign-in to workspace '{WorkspaceId}' from {Client} failed: {Reason}.")]
    private static partial void LogFailed(ILogger logger, string workspaceId, AuthenticationFailureReason reason, ClientKind client);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "The changed address of account '{UserId}' in workspace '{WorkspaceId}' was not written: another account holds it, or it would re-type the last administrator.")]
    private static partial void LogAddressNotFollowed(ILogger logger, string workspaceId, string userId);
}
