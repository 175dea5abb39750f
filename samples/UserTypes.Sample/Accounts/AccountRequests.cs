namespace UserTypes.Sample.Accounts;

/// <summary>The body of a sign-up request or a password reset request: just the address.</summary>
internal sealed record EmailRequest(string Email);

/// <summary>The body of a sign-up's completion, with the token from the mail.</summary>
internal sealed record CompleteSignUpRequest(string Email, string Token, string Password);

/// <summary>The body of a password reset's completion, with the token from the mail.</summary>
internal sealed record ResetPasswordRequest(string Email, string Token, string NewPassword);

/// <summary>The body of a signed-in user's password change.</summary>
internal sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

/// <summary>The body of a signed-in user's request to move to a new address.</summary>
internal sealed record ChangeEmailRequest(string CurrentPassword, string NewEmail);

/// <summary>The body of an address change's confirmation, with the token from the mail.</summary>
internal sealed record ConfirmEmailChangeRequest(string UserId, string Token);

/// <summary>The body of a web login.</summary>
internal sealed record LoginRequest(string UserName, string Password);

/// <summary>The body of an external user's creation from a contact person.</summary>
internal sealed record ExternalUserRequest(long ContactId, string UserName, string Password);
