namespace UserTypes;

/// <summary>A workspace as a store keeps it: an immutable snapshot at one <see cref="Version"/>.</summary>
public sealed record WorkspaceRecord
{
    /// <summary>The workspace id.</summary>
    public required string Id { get; init; }

    /// <summary>
    /// The concurrency stamp: 1 for a new workspace, raised by one with every applied <see cref="WorkspaceChange"/>.
    /// </summary>
    public long Version { get; init; } = 1;

    /// <summary>The owners, collaborators and guests, one entry per canonical e-mail address.</summary>
    public IReadOnlyList<Collaborator> Collaborators { get; init; } = [];

    /// <summary>The signup domains, one entry per canonical domain.</summary>
    public IReadOnlyList<SignupDomain> SignupDomains { get; init; } = [];

    /// <summary>What the workspace has bought. Default <see cref="WorkspaceLicense.None"/>.</summary>
    public WorkspaceLicense License { get; init; } = WorkspaceLicense.None;
}
