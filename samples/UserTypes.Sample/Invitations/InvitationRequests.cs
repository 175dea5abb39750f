namespace UserTypes.Sample.Invitations;

/// <summary>The body of an invitation: the contact person and the address to invite.</summary>
internal sealed record InvitationRequest(string PersonId, string Email);

/// <summary>The body of an invitation's acceptance, with the token from the mail; no user name keeps the address.</summary>
internal sealed record AcceptInvitationRequest(string Email, string Token, string? UserName, string Password);
