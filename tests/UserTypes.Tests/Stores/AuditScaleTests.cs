namespace UserTypes.Tests.Stores;

/// <summary>
/// A reclassification that re-types thousands of accounts commits one entry each: more than one statement's worth of
/// parameters (SQLite allows 32,766 a statement, six an entry), so the entries must go in several statements.
/// </summary>
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.PostgreSql)]
public sealed class AuditScaleTests(StoreKind store) : StoreFixture(store)
{
    private const int Accounts = 6000;

    [Test]
    public async Task AReclassificationOfThousandsOfAccounts_CommitsOneEntryEach()
    {
        using var host = NewHost(o => o.ExternalUsers.Enabled = true);
        var workspace = await host.CreateWorkspaceAsync(license: new WorkspaceLicense { ExternalUsers = true });

        // Signed-up (classified) external accounts at partner.example, written straight into the table: the fast way to many.
        host.Database.Execute(
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Accounts}) " +
            "INSERT INTO usertypes_users (id, workspace_id, user_name, normalized_user_name, email, email_confirmed, user_type, user_type_source, person_id, " +
            "enabled, rights, created_at, version, password_hash, security_stamp, administrator) " +
            $"SELECT 'bulk' || i, '{workspace}', 'u' || i || '@partner.example', 'u' || i || '@partner.example', 'u' || i || '@partner.example', (1 = 1), 1, 0, NULL, " +
            "(1 = 1), '{\"Functional\":[],\"Data\":{}}', 0, 1, 'not a hash', 'stamp' || i, (1 = 0) FROM n");

        await host.Workspaces.AddSignupDomainAsync(workspace, "partner.example");

        host.Database.Count($"SELECT COUNT(*) FROM usertypes_users WHERE workspace_id = '{workspace}' AND user_type = 0 AND id LIKE 'bulk%'").Should().Be(Accounts);
        // SQLite keeps the trail in its write log.
        var trail = Store == StoreKind.Sqlite ? "usertypes_log" : "usertypes_audit";
        host.Database.Count($"SELECT COUNT(*) FROM {trail} WHERE workspace_id = '{workspace}' AND action = '{AuditActions.UserTypeChanged}'").Should().Be(Accounts);
    }
}
