using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// The one place that answers "is this licensed, and how many seats are there". Time comes from the injected
/// <see cref="TimeProvider"/>, so expiry can be tested with a fake clock.
/// </summary>
internal sealed class LicenseGate(IOptions<UserTypesOptions> options, TimeProvider time)
{
    private readonly bool _externalUsersEnabled = options.Value.ExternalUsers.Enabled;

    /// <summary>Whether <paramref name="feature"/> is licensed now; an expired licence licenses nothing.</summary>
    /// <param name="license">The workspace's licence.</param>
    /// <param name="feature">The feature.</param>
    /// <returns>Whether it is licensed.</returns>
    public bool IsLicensed(WorkspaceLicense license, LicensedFeature feature)
    {
        if (license.ExpiresAt is { } expiresAt && time.GetUtcNow() >= expiresAt)
        {
            return false;
        }

        return feature switch
        {
            LicensedFeature.ExternalUsers => license.ExternalUsers,
            LicensedFeature.AnonymousUsers => license.AnonymousUsers,
            _ => false,
        };
    }

    /// <summary>Throws unless external accounts may be created or enabled in the workspace.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <exception cref="ExternalUsersDisabledException"><see cref="ExternalUserOptions.Enabled"/> is off.</exception>
    /// <exception cref="LicenseRequiredException">The workspace is not licensed for external users.</exception>
    public void ThrowIfExternalUsersNotAllowed(WorkspaceRecord workspace)
    {
        if (!_externalUsersEnabled)
        {
            throw new ExternalUsersDisabledException();
        }

        if (!IsLicensed(workspace.License, LicensedFeature.ExternalUsers))
        {
            throw new LicenseRequiredException(workspace.Id, LicensedFeature.ExternalUsers);
        }
    }

    /// <summary>The seat limit for a user type; <see langword="null"/> when unlimited or the type takes no seat.</summary>
    /// <param name="license">The workspace's licence.</param>
    /// <param name="type">The user type.</param>
    /// <returns>The limit.</returns>
    public static int? SeatLimit(WorkspaceLicense license, UserType type) => type switch
    {
        UserType.Internal => license.MaxInternalUsers,
        UserType.External => license.MaxExternalUsers,
        _ => null,
    };
}
