namespace UserTypes;

/// <summary>Why an authentication failed: for logs and metrics only, never for the caller.</summary>
public enum AuthenticationFailureReason
{
    /// <summary>Unknown user, wrong password, or a password that could never be right.</summary>
    InvalidCredentials,

    /// <summary>Too many consecutive failures: the account is locked for <see cref="LockoutOptions.Duration"/>.</summary>
    LockedOut,

    /// <summary>The account is disabled.</summary>
    AccountDisabled,

    /// <summary>A call without credentials, and implicit anonymous access is off or has no enabled anonymous account.</summary>
    AnonymousAccessNotAllowed,

    /// <summary>An external user, and <see cref="ExternalUserOptions.Enabled"/> is off.</summary>
    ExternalUsersNotAllowed,

    /// <summary>The workspace is not licensed for the user's type, or its licence has expired.</summary>
    NotLicensed,

    /// <summary>The user's type may not log in from this client (or the client kind is not defined).</summary>
    ClientNotAllowed,


    /// <summary>No workspace has the id; answered like any other failure, so a caller cannot probe which workspaces exist.</summary>
    UnknownWorkspace,

    /// <summary>A federated identity's issuer is not one the workspace trusts.</summary>
    UntrustedIssuer,

    /// <summary>A federated identity has no account yet, and its issuer may not create one.</summary>
    ProvisioningDisabled,
}
