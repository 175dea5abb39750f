namespace UserTypes;

/// <summary>What an <see cref="AccountMail"/> is for, and so what the host writes in it.</summary>
public enum AccountMailKind
{
    /// <summary>Someone asked to sign up with the address: the mail carries the token that completes the sign-up.</summary>
    SignUp,

    /// <summary>Someone asked to sign up with an address that has an account: a notice (no token) saying so.</summary>
    AlreadyRegistered,

    /// <summary>An invitation to an account: the mail carries the token that accepts it.</summary>
    Invitation,

    /// <summary>A password reset for the account at the address: the mail carries the token that sets a new password.</summary>
    PasswordReset,

    /// <summary>Someone asked for a password reset for an address without an account (or whose address is unproven): a notice.</summary>
    NoAccount,

    /// <summary>The account asked to move to this new address: the mail carries the token that confirms it.</summary>
    EmailChange,

    /// <summary>A notice to the old address: the account's address changed.</summary>
    EmailChanged,

    /// <summary>A notice to the account's address: its password was changed or reset.</summary>
    PasswordChanged,
}
