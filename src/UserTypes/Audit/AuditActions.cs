namespace UserTypes;

/// <summary>The actions of the audit trail (<see cref="AuditEntry.Action"/>).</summary>
public static class AuditActions
{
    /// <summary>A workspace was created.</summary>
    public const string WorkspaceCreated = "workspace-created";

    /// <summary>A collaborator was added, or given another role.</summary>
    public const string CollaboratorAdded = "collaborator-added";

    /// <summary>A collaborator was removed.</summary>
    public const string CollaboratorRemoved = "collaborator-removed";

    /// <summary>A signup domain was whitelisted, or its subdomain setting changed.</summary>
    public const string SignupDomainAdded = "signup-domain-added";

    /// <summary>A signup domain was removed.</summary>
    public const string SignupDomainRemoved = "signup-domain-removed";

    /// <summary>The workspace's licence was set.</summary>
    public const string LicenseChanged = "license-changed";

    /// <summary>An account was created.</summary>
    public const string UserCreated = "user-created";

    /// <summary>An account's user type changed.</summary>
    public const string UserTypeChanged = "user-type-changed";

    /// <summary>Rights were granted to an account.</summary>
    public const string RightsGranted = "rights-granted";

    /// <summary>Rights were taken from an account.</summary>
    public const string RightsRevoked = "rights-revoked";

    /// <summary>An account was enabled.</summary>
    public const string UserEnabled = "user-enabled";

    /// <summary>An account was disabled.</summary>
    public const string UserDisabled = "user-disabled";

    /// <summary>An account's password was set or changed.</summary>
    public const string PasswordChanged = "password-changed";

    /// <summary>An account's password was reset through a mailed token.</summary>
    public const string PasswordReset = "password-reset";

    /// <summary>An account's e-mail address changed.</summary>
    public const string EmailChanged = "email-changed";

    /// <summary>An account's user name changed.</summary>
    public const string UserNameChanged = "user-name-changed";

    /// <summary>An account was deleted.</summary>
    public const string UserDeleted = "user-deleted";

    /// <summary>An account was locked out after too many failed logins.</summary>
    public const string UserLockedOut = "user-locked-out";

    /// <summary>An account's lockout was lifted.</summary>
    public const string UserUnlocked = "user-unlocked";

    /// <summary>All of an account's sessions were ended.</summary>
    public const string SessionsRevoked = "sessions-revoked";

    /// <summary>An invitation was sent.</summary>
    public const string InvitationCreated = "invitation-created";

    /// <summary>An invitation was accepted: its account exists.</summary>
    public const string InvitationAccepted = "invitation-accepted";

    /// <summary>A pending invitation was revoked.</summary>
    public const string InvitationRevoked = "invitation-revoked";

    /// <summary>An account created an API key for itself.</summary>
    public const string ApiKeyCreated = "api-key-created";

    /// <summary>An API key was revoked, by its account or an administrator.</summary>
    public const string ApiKeyRevoked = "api-key-revoked";

    /// <summary>A workspace began to trust an OpenID Connect issuer, or changed how.</summary>
    public const string TrustedIssuerAdded = "trusted-issuer-added";

    /// <summary>A workspace stopped trusting an OpenID Connect issuer.</summary>
    public const string TrustedIssuerRemoved = "trusted-issuer-removed";

    /// <summary>A domain was bound to a trusted issuer, which now speaks for its addresses.</summary>
    public const string IssuerDomainBound = "issuer-domain-bound";

    /// <summary>A federated identity was linked to an account.</summary>
    public const string IdentityLinked = "identity-linked";

    /// <summary>A federated identity was unlinked from its account.</summary>
    public const string IdentityUnlinked = "identity-unlinked";
}
