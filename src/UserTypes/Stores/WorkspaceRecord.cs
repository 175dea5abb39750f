namespace UserTypes.Stores;

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

    /// <summary>The OpenID Connect issuers whose identities may sign in, one entry per issuer.</summary>
    public IReadOnlyList<TrustedIssuer> TrustedIssuers { get; init; } = [];

    /// <summary>What the workspace has bought. Default <see cref="WorkspaceLicense.None"/>.</summary>
    public WorkspaceLicense License { get; init; } = WorkspaceLicense.None;

    /// <summary>Whether both snapshots hold the same values, collaborators, signup domains and issuers in the same order.</summary>
    /// <param name="other">The other snapshot.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(WorkspaceRecord? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Id == other.Id
            && Version == other.Version
            && License == other.License
            && Collaborators.SequenceEqual(other.Collaborators)
            && SignupDomains.SequenceEqual(other.SignupDomains)
            && TrustedIssuers.SequenceEqual(other.TrustedIssuers));

    /// <summary>A hash consistent with <see cref="Equals(WorkspaceRecord?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Id, Version, Collaborators.Count, SignupDomains.Count);
}
