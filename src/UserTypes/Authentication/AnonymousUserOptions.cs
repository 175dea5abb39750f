namespace UserTypes;

/// <summary>How calls made without credentials are treated.</summary>
public sealed class AnonymousUserOptions
{
    /// <summary>
    /// Whether a call without credentials runs as the workspace's anonymous account (implicit anonymous). Default
    /// <see langword="false"/>: such a call fails. The workspace also needs the AnonymousUsers licence and an
    /// enabled anonymous account.
    /// </summary>
    public bool AllowImplicit { get; set; }
}
