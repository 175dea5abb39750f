namespace UserTypes;

/// <summary>What a reclassification pass changed, and the seats in use after it.</summary>
public sealed record ReclassificationReport
{
    /// <summary>How many classified accounts were examined.</summary>
    public int Examined { get; init; }

    /// <summary>How many became internal.</summary>
    public int BecameInternal { get; init; }

    /// <summary>How many became external.</summary>
    public int BecameExternal { get; init; }

    /// <summary>Enabled internal accounts after the run.</summary>
    public int InternalUsers { get; init; }

    /// <summary>Enabled external accounts after the run.</summary>
    public int ExternalUsers { get; init; }

    /// <summary>Whether the internal accounts exceed the licence's limit; new internal seats are refused until they do not.</summary>
    public bool OverInternalLimit { get; init; }

    /// <summary>Whether the external accounts exceed the licence's limit; new external seats are refused until they do not.</summary>
    public bool OverExternalLimit { get; init; }
}
