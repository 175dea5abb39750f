namespace UserTypes.Stores;

/// <summary>What a single-use token proves when it comes back.</summary>
public enum TokenPurpose
{
    /// <summary>The holder receives mail at the address: they may create the account signed up for.</summary>
    SignUp,

    /// <summary>The holder receives mail at the account's proven address: they may choose a new password.</summary>
    PasswordReset,

    /// <summary>The holder receives mail at a new address the account asked to move to: they may confirm the move.</summary>
    EmailChange,

    /// <summary>The holder receives mail at the invited address: they may accept the invitation and create the account.</summary>
    Invitation,
}
