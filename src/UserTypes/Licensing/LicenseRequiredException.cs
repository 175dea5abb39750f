namespace UserTypes;

/// <summary>The workspace's licence does not include a feature (or has expired). Nothing was changed.</summary>
public sealed class LicenseRequiredException : UserTypesException
{
    internal LicenseRequiredException(string workspaceId, LicensedFeature feature)
        : base($"Workspace '{workspaceId}' is not licensed for {feature}, or its licence has expired.")
    {
        Feature = feature;
    }

    /// <summary>The feature that is not licensed.</summary>
    public LicensedFeature Feature { get; }
}
