namespace UserTypes.Stores;

/// <summary>The outcome of a write to an <see cref="IUserAccountStore"/>. Anything but <see cref="Succeeded"/> changed nothing.</summary>
public enum UserStoreResult
{
    /// <summary>The write landed.</summary>
    Succeeded,

    /// <summary>Another account of the workspace has the normalised user name.</summary>
    UserNameTaken,

    /// <summary>The account would take a seat, and the enabled accounts of its type already reach the limit.</summary>
    SeatLimitReached,

    /// <summary>The account is missing or no longer at the expected version (or, for a new account, its id is taken).</summary>
    Conflict,

    /// <summary>Another account of the workspace has the e-mail address.</summary>
    EmailTaken,

    /// <summary>
    /// The write would leave the workspace without an enabled administrator (<see cref="StoredUser.IsAdministrator"/>):
    /// it disables, deletes or demotes the last one.
    /// </summary>
    LastAdministrator,

    /// <summary>The token the write was to use up is used already, or was never usable. Nothing was written.</summary>
    TokenUsed,

    /// <summary>The federated identity is linked to an account already.</summary>
    IdentityTaken,

    /// <summary>The identity is the last way its account, which has no password, can sign in.</summary>
    LastSignInMethod,
}
