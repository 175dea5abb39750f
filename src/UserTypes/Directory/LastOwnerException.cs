namespace UserTypes;

/// <summary>The change would leave the workspace without an owner: a workspace keeps at least one. Nothing was changed.</summary>
public sealed class LastOwnerException : UserTypesException
{
    internal LastOwnerException(string workspaceId)
        : base($"Workspace '{workspaceId}' keeps at least one owner: its last owner cannot be removed or given another role.")
    {
        WorkspaceId = workspaceId;
    }

    /// <summary>The workspace.</summary>
    public string WorkspaceId { get; }
}
