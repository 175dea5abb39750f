namespace UserTypes.Sample.Accounts;

/// <summary>The body of a sign-up.</summary>
internal sealed record SignUpRequest(string Email, string Password);

/// <summary>The body of an e-mail confirmation.</summary>
internal sealed record ConfirmEmailRequest(string UserId, string Token);

/// <summary>The body of a web login.</summary>
internal sealed record LoginRequest(string UserName, string Password);

/// <summary>The body of an external user's creation from a contact person.</summary>
internal sealed record ExternalUserRequest(long ContactId, string UserName, string Password);
