namespace UserTypes;

/// <summary>
/// Authentication failed. <see cref="Exception.Message"/> is the same generic text for every reason, so it can be
/// shown to the caller; <see cref="Reason"/> is for logs and metrics.
/// </summary>
public sealed class AuthenticationFailedException : UserTypesException
{
    /// <summary>The one message of every failed authentication.</summary>
    public const string GenericMessage = "Authentication failed.";

    internal AuthenticationFailedException(AuthenticationFailureReason reason)
        : base(GenericMessage)
    {
        Reason = reason;
    }

    /// <summary>Why it failed. Reasons other than <see cref="AuthenticationFailureReason.InvalidCredentials"/> and
    /// <see cref="AuthenticationFailureReason.LockedOut"/> are only given after the password was verified.</summary>
    public AuthenticationFailureReason Reason { get; }
}
