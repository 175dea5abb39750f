namespace UserTypes;

/// <summary>
/// The host has external users switched off (<see cref="ExternalUserOptions.Enabled"/>), so no external account may be
/// created or enabled. Nothing was changed.
/// </summary>
public sealed class ExternalUsersDisabledException : UserTypesException
{
    internal ExternalUsersDisabledException()
        : base("External users are turned off: set UserTypesOptions.ExternalUsers.Enabled (ExternalUserOptions.Enabled) to true to allow them.")
    {
    }
}
