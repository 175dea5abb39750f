namespace UserTypes;

/// <summary>Whether this host allows external users at all.</summary>
public sealed class ExternalUserOptions
{
    /// <summary>
    /// Whether external accounts may be created, enabled and used. Default <see langword="false"/>: a host turns
    /// external users on deliberately, and each workspace still needs the ExternalUsers licence.
    /// </summary>
    public bool Enabled { get; set; }
}
