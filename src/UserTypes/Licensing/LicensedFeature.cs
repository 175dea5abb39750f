namespace UserTypes;

/// <summary>The user types a workspace must buy a licence for.</summary>
public enum LicensedFeature
{
    /// <summary>External users: partners and customers with their own login.</summary>
    ExternalUsers,

    /// <summary>The anonymous user, for calls without credentials and its own explicit login.</summary>
    AnonymousUsers,
}
