using System.Data.Common;

namespace UserTypes;

internal sealed partial class RelationalStore
{
    private const string AnySubdomain = "*.";

    private const string WorkspaceColumns =
        "id, version, license_external_users, license_anonymous_users, license_max_internal_users, license_max_external_users, license_expires_at";

    public Task<bool> TryCreateAsync(WorkspaceRecord workspace, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
        WriteAsync(
            StoreChange.Of(workspace.Id),
            audit,
            async (transaction, locked) =>
            {
                if (locked.Exists)
                {
                    return (false, false);
                }

                await transaction.Command(
                    $"INSERT INTO usertypes_workspaces ({WorkspaceColumns}, classified_version) VALUES (@id, @version, @external, @anonymous, @max_internal, @max_external, @expires_at, 0)",
                    [("id", workspace.Id), ("version", workspace.Version), .. LicenseParameters(workspace.License)]).RunAsync(cancellationToken).ConfigureAwait(false);
                await UpsertMembersAsync(transaction, workspace.Id, workspace.Collaborators, workspace.SignupDomains, cancellationToken).ConfigureAwait(false);
                await UpsertIssuersAsync(transaction, workspace.Id, workspace.TrustedIssuers, cancellationToken).ConfigureAwait(false);
                return (true, true);
            },
            cancellationToken);

    public Task<WorkspaceRecord?> FindAsync(string workspaceId, CancellationToken cancellationToken) =>
        ReadAsync(connection => ReadWorkspaceAsync(connection, null, workspaceId, cancellationToken), cancellationToken);

    public Task<WorkspaceRecord?> TryApplyAsync(WorkspaceChange change, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
        WriteAsync<WorkspaceRecord?>(
            StoreChange.Of(change.WorkspaceId),
            audit,
            async (transaction, locked) =>
            {
                var license = change.License is null
                    ? string.Empty
                    : ", license_external_users = @external, license_anonymous_users = @anonymous, license_max_internal_users = @max_internal, " +
                      "license_max_external_users = @max_external, license_expires_at = @expires_at";
                var updated = await transaction.Command(
                    $"UPDATE usertypes_workspaces SET version = version + 1{license} WHERE id = @id AND version = @expected",
                    [("id", change.WorkspaceId), ("expected", change.ExpectedVersion), .. LicenseParameters(change.License ?? WorkspaceLicense.None)])
                    .RunAsync(cancellationToken).ConfigureAwait(false);
                if (updated == 0)
                {
                    return (null, false);
                }

                foreach (var email in change.RemovedCollaborators)
                {
                    await transaction.Command("DELETE FROM usertypes_collaborators WHERE workspace_id = @workspace_id AND email = @email", ("workspace_id", change.WorkspaceId), ("email", email))
                        .RunAsync(cancellationToken).ConfigureAwait(false);
                }

                foreach (var domain in change.RemovedSignupDomains)
                {
                    await transaction.Command("DELETE FROM usertypes_signup_domains WHERE workspace_id = @workspace_id AND domain = @domain", ("workspace_id", change.WorkspaceId), ("domain", domain))
                        .RunAsync(cancellationToken).ConfigureAwait(false);
                }

                foreach (var issuer in change.RemovedTrustedIssuers)
                {
                    await transaction.Command("DELETE FROM usertypes_trusted_issuers WHERE workspace_id = @workspace_id AND issuer = @issuer", ("workspace_id", change.WorkspaceId), ("issuer", issuer))
                        .RunAsync(cancellationToken).ConfigureAwait(false);
                }

                await UpsertMembersAsync(transaction, change.WorkspaceId, change.UpsertedCollaborators, change.UpsertedSignupDomains, cancellationToken).ConfigureAwait(false);
                await UpsertIssuersAsync(transaction, change.WorkspaceId, change.UpsertedTrustedIssuers, cancellationToken).ConfigureAwait(false);
                return (await ReadWorkspaceAsync(transaction.Connection!, transaction, change.WorkspaceId, cancellationToken).ConfigureAwait(false), true);
            },
            cancellationToken);

    private static (string, object?)[] LicenseParameters(WorkspaceLicense license) =>
    [
        ("external", license.ExternalUsers),
        ("anonymous", license.AnonymousUsers),
        ("max_internal", license.MaxInternalUsers),
        ("max_external", license.MaxExternalUsers),
        ("expires_at", license.ExpiresAt?.UtcTicks),
    ];

    private static async Task UpsertMembersAsync(DbTransaction transaction, string workspaceId, IReadOnlyList<Collaborator> collaborators, IReadOnlyList<SignupDomain> domains, CancellationToken cancellationToken)
    {
        foreach (var collaborator in collaborators)
        {
            await transaction.Command(
                "INSERT INTO usertypes_collaborators (workspace_id, email, role) VALUES (@workspace_id, @email, @role) " +
                "ON CONFLICT (workspace_id, email) DO UPDATE SET role = excluded.role",
                ("workspace_id", workspaceId), ("email", collaborator.Email), ("role", (int)collaborator.Role)).RunAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var domain in domains)
        {
            await transaction.Command(
                "INSERT INTO usertypes_signup_domains (workspace_id, domain, include_subdomains) VALUES (@workspace_id, @domain, @include_subdomains) " +
                "ON CONFLICT (workspace_id, domain) DO UPDATE SET include_subdomains = excluded.include_subdomains",
                ("workspace_id", workspaceId), ("domain", domain.Domain), ("include_subdomains", domain.IncludeSubdomains)).RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task UpsertIssuersAsync(DbTransaction transaction, string workspaceId, IReadOnlyList<TrustedIssuer> issuers, CancellationToken cancellationToken)
    {
        foreach (var issuer in issuers)
        {
            await transaction.Command(
                "INSERT INTO usertypes_trusted_issuers (workspace_id, issuer, kind, allow_provisioning, bound_domains) VALUES (@workspace_id, @issuer, @kind, @allow_provisioning, @bound_domains) " +
                "ON CONFLICT (workspace_id, issuer) DO UPDATE SET kind = excluded.kind, allow_provisioning = excluded.allow_provisioning, bound_domains = excluded.bound_domains",
                ("workspace_id", workspaceId), ("issuer", issuer.Issuer), ("kind", (int)issuer.Kind), ("allow_provisioning", issuer.AllowProvisioning),
                ("bound_domains", string.Join(' ', issuer.BoundDomains.Select(d => d.IncludeSubdomains ? AnySubdomain + d.Domain : d.Domain)))).RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Canonical domains hold neither spaces nor stars: the column's encoding cannot be ambiguous.
    private static IReadOnlyList<SignupDomain> ReadBoundDomains(string column) =>
        [.. column.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.StartsWith(AnySubdomain, StringComparison.Ordinal) ? new SignupDomain(d[AnySubdomain.Length..], true) : new SignupDomain(d, false))];

    private static async Task<WorkspaceRecord?> ReadWorkspaceAsync(DbConnection connection, DbTransaction? transaction, string workspaceId, CancellationToken cancellationToken)
    {
        var workspaces = await connection.Command($"SELECT {WorkspaceColumns} FROM usertypes_workspaces WHERE id = @id", transaction, ("id", workspaceId))
            .ReadAllAsync(
                reader => new WorkspaceRecord
                {
                    Id = reader.GetString(0),
                    Version = reader.GetInt64(1),
                    License = new WorkspaceLicense
                    {
                        ExternalUsers = reader.GetBoolean(2),
                        AnonymousUsers = reader.GetBoolean(3),
                        MaxInternalUsers = reader.Nullable<int>(4),
                        MaxExternalUsers = reader.Nullable<int>(5),
                        ExpiresAt = reader.Nullable<long>(6) is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null,
                    },
                },
                cancellationToken).ConfigureAwait(false);
        if (workspaces.Count == 0)
        {
            return null;
        }

        var collaborators = await connection.Command("SELECT email, role FROM usertypes_collaborators WHERE workspace_id = @id ORDER BY seq", transaction, ("id", workspaceId))
            .ReadAllAsync(reader => new Collaborator(reader.GetString(0), (CollaboratorRole)reader.GetInt32(1)), cancellationToken).ConfigureAwait(false);
        var domains = await connection.Command("SELECT domain, include_subdomains FROM usertypes_signup_domains WHERE workspace_id = @id ORDER BY seq", transaction, ("id", workspaceId))
            .ReadAllAsync(reader => new SignupDomain(reader.GetString(0), reader.GetBoolean(1)), cancellationToken).ConfigureAwait(false);
        var issuers = await connection.Command("SELECT issuer, kind, allow_provisioning, bound_domains FROM usertypes_trusted_issuers WHERE workspace_id = @id ORDER BY seq", transaction, ("id", workspaceId))
            .ReadAllAsync(
                reader => new TrustedIssuer(reader.GetString(0), (IssuerKind)reader.GetInt32(1), reader.GetBoolean(2)) { BoundDomains = ReadBoundDomains(reader.GetString(3)) },
                cancellationToken).ConfigureAwait(false);
        return workspaces[0] with { Collaborators = collaborators, SignupDomains = domains, TrustedIssuers = issuers };
    }
}
