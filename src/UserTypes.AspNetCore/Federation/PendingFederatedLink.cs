namespace UserTypes.AspNetCore;

/// <summary>
/// A federated identity waiting to be linked, as the link page shows it: the person signed in with it, and an account
/// of the workspace already holds its address.
/// </summary>
/// <param name="WorkspaceId">The workspace the sign-in was for.</param>
/// <param name="Issuer">The identity's issuer.</param>
/// <param name="Email">The identity's address: the account to sign in to is the one that holds it.</param>
public sealed record PendingFederatedLink(string WorkspaceId, string Issuer, string Email);
