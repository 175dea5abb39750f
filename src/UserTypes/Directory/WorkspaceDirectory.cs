namespace UserTypes;

/// <summary>
/// The default <see cref="IWorkspaceDirectory"/>. Every change is computed from the current snapshot and stored
/// only if the workspace is still at that version; on a conflict it is computed again from the newer snapshot.
/// </summary>
internal sealed class WorkspaceDirectory(IWorkspaceStore store, WorkspaceLookupCache cache, Reclassifier reclassifier, AuditRecorder audit) : IWorkspaceDirectory
{
    public async Task CreateAsync(string workspaceId, string ownerEmail, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        var owner = EmailAddress.Parse(ownerEmail, nameof(ownerEmail));
        var workspace = new WorkspaceRecord
        {
            Id = workspaceId,
            Collaborators = [new Collaborator(owner.Value, CollaboratorRole.Owner)],
        };
        AuditEntry[] entries = [audit.Entry(workspaceId, AuditActions.WorkspaceCreated, audit.TrustedActorIn(workspaceId), null, $"Workspace created; its owner's address is at {owner.Domain}.")];
        if (!await store.TryCreateAsync(workspace, entries, cancellationToken).ConfigureAwait(false))
        {
            throw new ArgumentException($"A workspace with id '{workspaceId}' already exists.", nameof(workspaceId));
        }

        audit.Written(entries);
    }

    public async Task<Workspace?> FindAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        var record = await store.FindAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        return record is null ? null : new Workspace(record.Id, record.Collaborators, record.SignupDomains, record.License) { TrustedIssuers = record.TrustedIssuers };
    }

    public Task AddCollaboratorAsync(string workspaceId, string email, CollaboratorRole role, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        var address = EmailAddress.Parse(email, nameof(email));
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "The role must be Owner, Collaborator or Guest.");
        }

        return ChangeAsync(
            workspaceId,
            current =>
            {
                if (current.Collaborators.Any(c => c.Email == address.Value && c.Role == role))
                {
                    return null;
                }

                if (role != CollaboratorRole.Owner)
                {
                    ThrowIfLastOwner(current, address.Value);
                }

                return new WorkspaceChange(current.Id, current.Version) { UpsertedCollaborators = [new Collaborator(address.Value, role)] };
            },
            cancellationToken);
    }

    public Task RemoveCollaboratorAsync(string workspaceId, string email, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        var address = EmailAddress.Parse(email, nameof(email));
        return ChangeAsync(
            workspaceId,
            current =>
            {
                if (!current.Collaborators.Any(c => c.Email == address.Value))
                {
                    return null;
                }

                ThrowIfLastOwner(current, address.Value);
                return new WorkspaceChange(current.Id, current.Version) { RemovedCollaborators = [address.Value] };
            },
            cancellationToken);
    }

    public Task AddSignupDomainAsync(string workspaceId, string domain, bool includeSubdomains = false, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        var canonical = DomainName.Canonicalize(domain, nameof(domain));
        if (cache.PublicDomains.Contains(canonical))
        {
            throw new ArgumentException(
                $"'{canonical}' is a public e-mail provider; whitelisting it would make every one of its users internal.",
                nameof(domain));
        }

        return ChangeAsync(
            workspaceId,
            current => current.SignupDomains.Contains(new SignupDomain(canonical, includeSubdomains))
                ? null
                : new WorkspaceChange(current.Id, current.Version) { UpsertedSignupDomains = [new SignupDomain(canonical, includeSubdomains)] },
            cancellationToken);
    }

    public Task RemoveSignupDomainAsync(string workspaceId, string domain, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        var canonical = DomainName.Canonicalize(domain, nameof(domain));
        return ChangeAsync(
            workspaceId,
            current => current.SignupDomains.Any(d => d.Domain == canonical)
                ? new WorkspaceChange(current.Id, current.Version) { RemovedSignupDomains = [canonical] }
                : null,
            cancellationToken);
    }

    public Task SetLicenseAsync(string workspaceId, WorkspaceLicense license, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        ArgumentNullException.ThrowIfNull(license);
        if (license.MaxInternalUsers < 0 || license.MaxExternalUsers < 0)
        {
            throw new ArgumentException("Seat limits must not be negative (null means unlimited).", nameof(license));
        }

        return ChangeAsync(
            workspaceId,
            current => current.License == license ? null : new WorkspaceChange(current.Id, current.Version) { License = license },
            cancellationToken,
            reclassifies: false);
    }

    public Task AddTrustedIssuerAsync(string workspaceId, string issuer, IssuerKind kind, bool allowProvisioning, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        IssuerName.ThrowIfInvalid(issuer, nameof(issuer));
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The kind must be OpenIdConnect, Google or MicrosoftEntraMultiTenant.");
        }

        if (kind != IssuerKind.MicrosoftEntraMultiTenant && issuer.Contains(IssuerName.TenantPlaceholder, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Only a MicrosoftEntraMultiTenant issuer may name its tenant as {IssuerName.TenantPlaceholder}.", nameof(issuer));
        }

        return ChangeAsync(
            workspaceId,
            current =>
            {
                var existing = current.TrustedIssuers.FirstOrDefault(trusted => trusted.Issuer == issuer);
                var next = new TrustedIssuer(issuer, kind, allowProvisioning) { BoundDomains = existing?.BoundDomains ?? [] };
                return next.Equals(existing) ? null : new WorkspaceChange(current.Id, current.Version) { UpsertedTrustedIssuers = [next] };
            },
            cancellationToken,
            reclassifies: false);
    }

    public Task BindIssuerDomainAsync(string workspaceId, string issuer, string domain, bool includeSubdomains = false, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        IssuerName.ThrowIfInvalid(issuer, nameof(issuer));
        var canonical = DomainName.Canonicalize(domain, nameof(domain));
        var bound = new SignupDomain(canonical, includeSubdomains);
        return ChangeAsync(
            workspaceId,
            current =>
            {
                var existing = current.TrustedIssuers.FirstOrDefault(trusted => trusted.Issuer == issuer)
                    ?? throw new ArgumentException("The workspace does not trust this issuer; add it with AddTrustedIssuerAsync first.", nameof(issuer));
                if (existing.Kind != IssuerKind.OpenIdConnect)
                {
                    throw new ArgumentException($"A {existing.Kind} issuer's tokens name the domain it speaks for themselves; bind domains to OpenIdConnect issuers only.", nameof(issuer));
                }

                if (existing.BoundDomains.Contains(bound))
                {
                    return null;
                }

                var domains = existing.BoundDomains.Where(d => d.Domain != canonical).Append(bound).ToList();
                return new WorkspaceChange(current.Id, current.Version) { UpsertedTrustedIssuers = [existing with { BoundDomains = domains }] };
            },
            cancellationToken,
            reclassifies: false);
    }

    public Task RemoveTrustedIssuerAsync(string workspaceId, string issuer, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        IssuerName.ThrowIfInvalid(issuer, nameof(issuer));
        return ChangeAsync(
            workspaceId,
            current => current.TrustedIssuers.Any(trusted => trusted.Issuer == issuer)
                ? new WorkspaceChange(current.Id, current.Version) { RemovedTrustedIssuers = [issuer] }
                : null,
            cancellationToken,
            reclassifies: false);
    }

    // One entry per item a change adds, re-roles or removes, and one for a licence. Collaborators are named by the
    // domain of their address only: the trail keeps no address.
    private List<AuditEntry> Entries(WorkspaceRecord current, WorkspaceChange change)
    {
        var entries = new List<AuditEntry>();
        void Add(string action, string summary) => entries.Add(audit.Entry(current.Id, action, audit.TrustedActorIn(current.Id), null, summary));
        foreach (var email in change.RemovedCollaborators)
        {
            Add(AuditActions.CollaboratorRemoved, $"A collaborator at {Domain(email)} removed.");
        }

        foreach (var collaborator in change.UpsertedCollaborators)
        {
            Add(AuditActions.CollaboratorAdded, current.Collaborators.FirstOrDefault(c => c.Email == collaborator.Email) is { } existing
                ? $"A collaborator at {Domain(collaborator.Email)} changed from {existing.Role} to {collaborator.Role}."
                : $"A collaborator at {Domain(collaborator.Email)} added as {collaborator.Role}.");
        }

        foreach (var domain in change.RemovedSignupDomains)
        {
            Add(AuditActions.SignupDomainRemoved, $"Signup domain {domain} removed.");
        }

        foreach (var domain in change.UpsertedSignupDomains)
        {
            Add(AuditActions.SignupDomainAdded, $"Signup domain {domain.Domain} added{(domain.IncludeSubdomains ? " with its subdomains" : string.Empty)}.");
        }

        foreach (var issuer in change.RemovedTrustedIssuers)
        {
            Add(AuditActions.TrustedIssuerRemoved, $"Issuer {issuer} no longer trusted.");
        }

        foreach (var issuer in change.UpsertedTrustedIssuers)
        {
            var before = current.TrustedIssuers.FirstOrDefault(trusted => trusted.Issuer == issuer.Issuer);
            if (before is null || before.Kind != issuer.Kind || before.AllowProvisioning != issuer.AllowProvisioning)
            {
                Add(AuditActions.TrustedIssuerAdded, $"Issuer {issuer.Issuer} trusted as {issuer.Kind}, provisioning {(issuer.AllowProvisioning ? "on" : "off")}.");
            }

            foreach (var domain in issuer.BoundDomains.Except(before?.BoundDomains ?? []))
            {
                Add(AuditActions.IssuerDomainBound, $"Issuer {issuer.Issuer} speaks for {domain.Domain}{(domain.IncludeSubdomains ? " and its subdomains" : string.Empty)}.");
            }
        }

        if (change.License is { } license)
        {
            Add(AuditActions.LicenseChanged, FormattableString.Invariant(
                $"Licence set: external users {(license.ExternalUsers ? "on" : "off")}, anonymous users {(license.AnonymousUsers ? "on" : "off")}, internal seats {license.MaxInternalUsers?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"}, external seats {license.MaxExternalUsers?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"}, expires {license.ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "never"}."));
        }

        return entries;
    }

    private static string Domain(string email) => email[(email.LastIndexOf('@') + 1)..];

    private static void ThrowIfLastOwner(WorkspaceRecord workspace, string email)
    {
        if (workspace.Collaborators.All(c => c.Role != CollaboratorRole.Owner || c.Email == email)
            && workspace.Collaborators.Any(c => c.Role == CollaboratorRole.Owner))
        {
            throw new LastOwnerException(workspace.Id);
        }
    }

    // Reads, decides and writes until the write lands on the version it was decided from. A failed write means
    // another writer succeeded, so the loop makes progress; it is bounded all the same. A null change means there is
    // nothing to write. A change of collaborators or signup domains is followed by a reclassification pass, also when
    // there was nothing to write: a caller retrying after a pass that failed must still see its accounts follow (a pass
    // that changes nothing writes nothing).
    private async Task ChangeAsync(string workspaceId, Func<WorkspaceRecord, WorkspaceChange?> decide, CancellationToken cancellationToken, bool reclassifies = true)
    {
        for (var attempt = 0; attempt < OptimisticConcurrency.MaxAttempts; attempt++)
        {
            var current = await store.FindAsync(workspaceId, cancellationToken).ConfigureAwait(false)
                ?? throw new WorkspaceNotFoundException(workspaceId);
            var change = decide(current);
            var entries = change is null ? [] : Entries(current, change);
            var updated = change is null ? current : await store.TryApplyAsync(change, entries, cancellationToken).ConfigureAwait(false);
            if (updated is not null)
            {
                audit.Written(entries);
                if (reclassifies)
                {
                    // The classified accounts follow as part of the change. The change is stored, so the pass must not
                    // be cancelled halfway.
                    await reclassifier.RunAsync(workspaceId, CancellationToken.None).ConfigureAwait(false);
                }

                return;
            }
        }

        throw OptimisticConcurrency.Exhausted($"workspace '{workspaceId}'");
    }
}
