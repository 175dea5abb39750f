namespace UserTypes.Stores;

/// <summary>
/// One atomic change to a workspace, applied by <see cref="IWorkspaceStore.TryApplyAsync"/> only when the
/// workspace is still at <see cref="ExpectedVersion"/>. Removals are applied before upserts; an upserted entry already
/// present keeps its place, and new ones are appended.
/// </summary>
/// <param name="WorkspaceId">The workspace to change.</param>
/// <param name="ExpectedVersion">The <see cref="WorkspaceRecord.Version"/> the change was computed from.</param>
public sealed record WorkspaceChange(string WorkspaceId, long ExpectedVersion)
{
    /// <summary>Canonical e-mail addresses of collaborators to remove; absent ones are ignored.</summary>
    public IReadOnlyList<string> RemovedCollaborators { get; init; } = [];

    /// <summary>Collaborators to add, or whose role to replace when their address is already present.</summary>
    public IReadOnlyList<Collaborator> UpsertedCollaborators { get; init; } = [];

    /// <summary>Canonical signup domains to remove; absent ones are ignored.</summary>
    public IReadOnlyList<string> RemovedSignupDomains { get; init; } = [];

    /// <summary>Signup domains to add, or whose subdomain setting to replace when already present.</summary>
    public IReadOnlyList<SignupDomain> UpsertedSignupDomains { get; init; } = [];

    /// <summary>Trusted issuers to remove, with their bound domains; absent ones are ignored.</summary>
    public IReadOnlyList<string> RemovedTrustedIssuers { get; init; } = [];

    /// <summary>Trusted issuers to add, or to replace whole (kind, provisioning and bound domains) when already present.</summary>
    public IReadOnlyList<TrustedIssuer> UpsertedTrustedIssuers { get; init; } = [];

    /// <summary>The new licence, or <see langword="null"/> to keep the current one.</summary>
    public WorkspaceLicense? License { get; init; }
}
