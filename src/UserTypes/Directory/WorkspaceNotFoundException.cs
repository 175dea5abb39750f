namespace UserTypes;

/// <summary>No workspace has the id a call named. Nothing was changed.</summary>
public sealed class WorkspaceNotFoundException : UserTypesException
{
    internal WorkspaceNotFoundException(string workspaceId)
        : base($"There is no workspace with id '{workspaceId}'.")
    {
        WorkspaceId = workspaceId;
    }

    /// <summary>The id that names no workspace.</summary>
    public string WorkspaceId { get; }
}
