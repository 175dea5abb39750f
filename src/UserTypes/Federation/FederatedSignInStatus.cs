namespace UserTypes;

/// <summary>How a federated sign-in ended.</summary>
public enum FederatedSignInStatus
{
    /// <summary>The identity is linked to an account, which is now signed in.</summary>
    SignedIn,

    /// <summary>The identity was new: an account was created for it and signed in.</summary>
    Provisioned,

    /// <summary>
    /// The identity is new but an account already holds its address: nothing was created or linked. The person
    /// signs in to that account another way and links the identity to it.
    /// </summary>
    LinkRequired,
}
