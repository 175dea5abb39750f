namespace UserTypes;

/// <summary>
/// The change would leave the workspace without an enabled holder of <see cref="FunctionalRights.ManageRights"/>:
/// nothing may delete, disable, demote or strip the last one. Nothing was changed.
/// </summary>
public sealed class LastAdministratorException : UserTypesException
{
    internal LastAdministratorException(string workspaceId)
        : base($"This would leave workspace '{workspaceId}' without an enabled holder of '{FunctionalRights.ManageRights}'.")
    {
    }
}
