namespace UserTypes;

/// <summary>The outcome of <see cref="IFederatedAuthenticator.SignInAsync"/>.</summary>
/// <param name="Status">How the sign-in ended.</param>
/// <param name="User">The signed-in user; <see langword="null"/> when <paramref name="Status"/> is <see cref="FederatedSignInStatus.LinkRequired"/>.</param>
/// <param name="Trust">How far the issuer's word on the identity's address went.</param>
public sealed record FederatedSignInResult(FederatedSignInStatus Status, AuthenticatedUser? User, AddressTrust Trust);
