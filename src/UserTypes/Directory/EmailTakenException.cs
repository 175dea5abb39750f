namespace UserTypes;

/// <summary>Another account of the workspace has the e-mail address: an address belongs to one account. Nothing was changed.</summary>
public sealed class EmailTakenException : UserTypesException
{
    internal EmailTakenException(string workspaceId)
        : base($"Another account of workspace '{workspaceId}' has that e-mail address.")
    {
    }
}
