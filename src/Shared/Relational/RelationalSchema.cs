namespace UserTypes;

/// <summary>
/// The schema, written once for every dialect: a dialect supplies its type names. Each entry of
/// <see cref="Migrations"/> is one version; a released version is never edited, only followed by a new one.
/// </summary>
internal static class RelationalSchema
{
    /// <summary>The migrations in order.</summary>
    /// <param name="types">The dialect's names for the column types.</param>
    /// <param name="dialectTables">Statements only this dialect needs in version 1 (empty for none).</param>
    /// <param name="dialectAuditTrail">Version 7, this dialect's own: how its audit trail is kept at the least cost a write.</param>
    /// <returns>One script per version.</returns>
    public static IReadOnlyList<string> Migrations(SqlTypes types, string dialectTables, string dialectAuditTrail) =>
    [
        $"""
        CREATE TABLE usertypes_workspaces (
            id {types.Text} NOT NULL PRIMARY KEY,
            version {types.BigInt} NOT NULL,
            license_external_users {types.Boolean} NOT NULL,
            license_anonymous_users {types.Boolean} NOT NULL,
            license_max_internal_users {types.Integer} NULL,
            license_max_external_users {types.Integer} NULL,
            license_expires_at {types.BigInt} NULL,
            classified_version {types.BigInt} NOT NULL,
            internal_seats {types.Integer} NOT NULL DEFAULT 0 CHECK (internal_seats >= 0),
            external_seats {types.Integer} NOT NULL DEFAULT 0 CHECK (external_seats >= 0));
        CREATE TABLE usertypes_collaborators (
            seq {types.Identity},
            workspace_id {types.Text} NOT NULL REFERENCES usertypes_workspaces (id),
            email {types.Text} NOT NULL,
            role {types.Integer} NOT NULL,
            UNIQUE (workspace_id, email));
        CREATE TABLE usertypes_signup_domains (
            seq {types.Identity},
            workspace_id {types.Text} NOT NULL REFERENCES usertypes_workspaces (id),
            domain {types.Text} NOT NULL,
            include_subdomains {types.Boolean} NOT NULL,
            UNIQUE (workspace_id, domain));
        CREATE TABLE usertypes_users (
            id {types.Text} NOT NULL PRIMARY KEY,
            workspace_id {types.Text} NOT NULL REFERENCES usertypes_workspaces (id),
            user_name {types.Text} NOT NULL,
            normalized_user_name {types.Text} NOT NULL,
            email {types.Text} NULL,
            email_confirmed {types.Boolean} NOT NULL,
            user_type {types.Integer} NOT NULL CHECK (user_type IN (0, 1, 2)),
            user_type_source {types.Integer} NOT NULL,
            person_id {types.Text} NULL,
            enabled {types.Boolean} NOT NULL,
            rights {types.Text} NOT NULL,
            access_failed_count {types.Integer} NOT NULL,
            lockout_end {types.BigInt} NULL,
            created_at {types.BigInt} NOT NULL,
            version {types.BigInt} NOT NULL,
            password_hash {types.Text} NOT NULL,
            security_stamp {types.Text} NOT NULL,
            administrator {types.Boolean} NOT NULL,
            UNIQUE (workspace_id, normalized_user_name));
        CREATE UNIQUE INDEX usertypes_users_email ON usertypes_users (workspace_id, email) WHERE email IS NOT NULL;
        CREATE INDEX usertypes_users_listing ON usertypes_users (workspace_id, normalized_user_name {types.Ordinal}, id {types.Ordinal});
        CREATE UNIQUE INDEX usertypes_users_one_anonymous ON usertypes_users (workspace_id) WHERE user_type = 2;
        CREATE INDEX usertypes_users_seats ON usertypes_users (workspace_id, user_type) WHERE enabled;
        CREATE TABLE usertypes_tokens (
            id {types.Text} NOT NULL PRIMARY KEY,
            workspace_id {types.Text} NOT NULL REFERENCES usertypes_workspaces (id),
            purpose {types.Integer} NOT NULL,
            email {types.Text} NOT NULL,
            hash {types.Bytes} NULL,
            user_id {types.Text} NULL,
            security_stamp {types.Text} NULL,
            payload {types.Text} NULL,
            created_at {types.BigInt} NOT NULL,
            expires_at {types.BigInt} NOT NULL);
        CREATE INDEX usertypes_tokens_by_address ON usertypes_tokens (workspace_id, email, created_at);
        CREATE INDEX usertypes_tokens_by_expiry ON usertypes_tokens (workspace_id, expires_at);
        {dialectTables}
        """,

        // Login attempts move out of the account row into records per key (an account, or a hash of a user name no
        // account has), reserved before a password is compared. Locks and counts of version 1 are carried over: a lock
        // lasts until its end, a count until the account's next attempt or success (as in version 1).
        $"""
        CREATE TABLE usertypes_login_attempts (
            workspace_id {types.Text} NOT NULL,
            attempt_key {types.Text} NOT NULL,
            epoch {types.BigInt} NOT NULL,
            issued {types.BigInt} NOT NULL,
            counted_from {types.BigInt} NOT NULL,
            lockout_end {types.BigInt} NULL,
            locked_by {types.BigInt} NULL,
            next_lockout {types.BigInt} NULL,
            expires_at {types.BigInt} NOT NULL,
            PRIMARY KEY (workspace_id, attempt_key));
        CREATE INDEX usertypes_login_attempts_expiry ON usertypes_login_attempts (workspace_id, expires_at);
        INSERT INTO usertypes_login_attempts (workspace_id, attempt_key, epoch, issued, counted_from, lockout_end, locked_by, next_lockout, expires_at)
            SELECT workspace_id, 'u:' || id, 0, access_failed_count, 0, lockout_end, NULL, NULL, CASE WHEN access_failed_count > 0 THEN {DateTimeOffset.MaxValue.UtcTicks} ELSE lockout_end END
            FROM usertypes_users WHERE access_failed_count > 0 OR lockout_end IS NOT NULL;
        ALTER TABLE usertypes_users DROP COLUMN access_failed_count;
        ALTER TABLE usertypes_users DROP COLUMN lockout_end;
        CREATE VIEW usertypes_accounts AS
            SELECT u.id, u.workspace_id, u.user_name, u.normalized_user_name, u.email, u.email_confirmed, u.user_type, u.user_type_source,
                u.person_id, u.enabled, u.rights, u.created_at, u.version, u.password_hash, u.security_stamp, u.administrator,
                a.epoch, a.issued, a.counted_from, a.lockout_end, a.locked_by, a.next_lockout, a.expires_at
            FROM usertypes_users u LEFT JOIN usertypes_login_attempts a ON a.workspace_id = u.workspace_id AND a.attempt_key = 'u:' || u.id;
        """,

        // Signed-in sessions, so that a logout ends a session on every instance and a session has an absolute end.
        $"""
        CREATE TABLE usertypes_sessions (
            workspace_id {types.Text} NOT NULL,
            user_id {types.Text} NOT NULL,
            id {types.Text} NOT NULL,
            created_at {types.BigInt} NOT NULL,
            expires_at {types.BigInt} NOT NULL,
            PRIMARY KEY (workspace_id, user_id, id));
        """,

        // The audit trail: one row per entry, written in the transaction of the change it records. The sequence is the
        // table's own ever-increasing key, handed out under the workspace's lock, so per workspace it grows in commit
        // order; no foreign key, so entries outlive the accounts they name. Two indexes only, each paid on every audited
        // write: pages by workspace and by account. The purge walks the key, oldest first, so it needs none; the action
        // and time filters read the workspace's pages in order. Version 7 keeps it cheaper still, each dialect its own way.
        $"""
        CREATE TABLE usertypes_audit (
            seq {types.Identity},
            workspace_id {types.Text} NOT NULL,
            at {types.BigInt} NOT NULL,
            actor_user_id {types.Text} NULL,
            action {types.Text} NOT NULL,
            subject_user_id {types.Text} NULL,
            summary {types.Text} NOT NULL);
        CREATE INDEX usertypes_audit_by_workspace ON usertypes_audit (workspace_id, seq);
        CREATE INDEX usertypes_audit_by_subject ON usertypes_audit (workspace_id, subject_user_id, seq);
        """,

        // API keys, as hashes: found by id on a call, listed by workspace or account in creation order. Each names the
        // account's security stamp it was made under, and is dead once the account's moves.
        $"""
        CREATE TABLE usertypes_api_keys (
            id {types.Text} NOT NULL PRIMARY KEY,
            workspace_id {types.Text} NOT NULL,
            user_id {types.Text} NOT NULL,
            security_stamp {types.Text} NOT NULL,
            name {types.Text} NOT NULL,
            hash {types.Bytes} NOT NULL,
            created_at {types.BigInt} NOT NULL,
            expires_at {types.BigInt} NULL);
        CREATE INDEX usertypes_api_keys_by_workspace ON usertypes_api_keys (workspace_id, created_at, id);
        CREATE INDEX usertypes_api_keys_by_account ON usertypes_api_keys (workspace_id, user_id, created_at);
        """,

        // Federated sign-in: the issuers a workspace trusts (read with the workspace, their bound domains as one
        // space-separated column, "*." before a domain whose subdomains count), and the identities linked to accounts,
        // keyed by workspace, issuer and subject, never by address.
        $"""
        CREATE TABLE usertypes_trusted_issuers (
            seq {types.Identity},
            workspace_id {types.Text} NOT NULL REFERENCES usertypes_workspaces (id),
            issuer {types.Text} NOT NULL,
            kind {types.Integer} NOT NULL,
            allow_provisioning {types.Boolean} NOT NULL,
            bound_domains {types.Text} NOT NULL,
            UNIQUE (workspace_id, issuer));
        CREATE TABLE usertypes_identities (
            workspace_id {types.Text} NOT NULL,
            issuer {types.Text} NOT NULL,
            subject {types.Text} NOT NULL,
            user_id {types.Text} NOT NULL REFERENCES usertypes_users (id),
            created_at {types.BigInt} NOT NULL,
            PRIMARY KEY (workspace_id, issuer, subject));
        CREATE INDEX usertypes_identities_by_account ON usertypes_identities (workspace_id, user_id, created_at);
        """,

        dialectAuditTrail,
    ];
}

/// <summary>A dialect's names for the column types the schema uses.</summary>
/// <param name="Text">Strings.</param>
/// <param name="Integer">32-bit integers.</param>
/// <param name="BigInt">64-bit integers (versions, and instants as UTC ticks).</param>
/// <param name="Boolean">Booleans.</param>
/// <param name="Bytes">Byte strings.</param>
/// <param name="Identity">An ever-increasing integer primary key, with its constraint.</param>
/// <param name="Ordinal">The collation clause that orders text by code point, so that paging agrees with the other stores.</param>
internal sealed record SqlTypes(string Text, string Integer, string BigInt, string Boolean, string Bytes, string Identity, string Ordinal);
