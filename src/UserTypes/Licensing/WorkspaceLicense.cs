namespace UserTypes;

/// <summary>What a workspace has bought: the licensed user types and its seat limits. Immutable.</summary>
public sealed record WorkspaceLicense
{
    /// <summary>Whether external users are licensed. Default <see langword="false"/>.</summary>
    public bool ExternalUsers { get; init; }

    /// <summary>Whether the anonymous user is licensed. Default <see langword="false"/>.</summary>
    public bool AnonymousUsers { get; init; }

    /// <summary>How many enabled internal accounts the workspace may have; <see langword="null"/> (the default) is unlimited.</summary>
    public int? MaxInternalUsers { get; init; }

    /// <summary>How many enabled external accounts the workspace may have; <see langword="null"/> (the default) is unlimited.</summary>
    public int? MaxExternalUsers { get; init; }

    /// <summary>When the licensed features stop counting as licensed; <see langword="null"/> (the default) never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The licence of a new workspace: no external or anonymous users, no seat limits, no expiry.</summary>
    public static WorkspaceLicense None { get; } = new();
}
