namespace UserTypes;

/// <summary>Another account of the workspace has the user name (compared case-insensitively). Nothing was created.</summary>
public sealed class UserNameTakenException : UserTypesException
{
    internal UserNameTakenException(string workspaceId, string userName)
        : base($"Workspace '{workspaceId}' already has an account named '{userName}'.")
    {
        UserName = userName;
    }

    /// <summary>The user name that is taken.</summary>
    public string UserName { get; }
}
