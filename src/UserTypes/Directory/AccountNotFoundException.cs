namespace UserTypes;

/// <summary>The workspace has no account with the id a call named. Nothing was changed.</summary>
public sealed class AccountNotFoundException : UserTypesException
{
    internal AccountNotFoundException(string workspaceId, string userId)
        : base($"Workspace '{workspaceId}' has no account with id '{userId}'.")
    {
        WorkspaceId = workspaceId;
        UserId = userId;
    }

    /// <summary>The workspace that was searched.</summary>
    public string WorkspaceId { get; }

    /// <summary>The id that names no account there.</summary>
    public string UserId { get; }
}
