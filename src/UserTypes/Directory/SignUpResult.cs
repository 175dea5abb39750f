namespace UserTypes;

/// <summary>A new, unconfirmed account and the token its owner must present to confirm the e-mail address.</summary>
/// <param name="Account">The account, unconfirmed.</param>
/// <param name="EmailConfirmationToken">The secret for the host to send to the address; stored only as a hash, single use, expiring.</param>
public sealed record SignUpResult(UserAccount Account, string EmailConfirmationToken);
