using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// Whether a known account may be signed in from a kind of client now: the rules a login checks once the password is
/// verified, and a session checks again whenever its account or workspace changes, so that both say the same.
/// </summary>
internal sealed class LoginGate(LicenseGate licenses, IOptions<UserTypesOptions> options)
{
    private readonly bool _externalUsersEnabled = options.Value.ExternalUsers.Enabled;

    /// <summary>Why the account may not be signed in, or <see langword="null"/> when it may.</summary>
    /// <param name="workspace">The account's workspace.</param>
    /// <param name="account">The account, or <see langword="null"/> for the implicit anonymous check before its account is read.</param>
    /// <param name="type">The user type to check: the account's, or anonymous.</param>
    /// <param name="client">The kind of client.</param>
    /// <returns>The reason for refusing, or <see langword="null"/>.</returns>
    public AuthenticationFailureReason? Refusal(WorkspaceRecord workspace, UserAccount? account, UserType type, ClientKind client)
    {
        if (account is { Enabled: false })
        {
            return AuthenticationFailureReason.AccountDisabled;
        }

        if (!Enum.IsDefined(client))
        {
            return AuthenticationFailureReason.ClientNotAllowed;
        }

        return type switch
        {
            UserType.External when !_externalUsersEnabled => AuthenticationFailureReason.ExternalUsersNotAllowed,
            UserType.External when !licenses.IsLicensed(workspace.License, LicensedFeature.ExternalUsers) => AuthenticationFailureReason.NotLicensed,
            UserType.Anonymous when !licenses.IsLicensed(workspace.License, LicensedFeature.AnonymousUsers) => AuthenticationFailureReason.NotLicensed,
            UserType.External or UserType.Anonymous when client == ClientKind.DesktopClient => AuthenticationFailureReason.ClientNotAllowed,
            _ => null,
        };
    }
}
