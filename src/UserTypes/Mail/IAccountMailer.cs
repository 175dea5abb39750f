namespace UserTypes;

/// <summary>
/// Sends the mails of the mailbox flows (sign-up, password reset and the notices). The host implements it (the sample
/// writes .eml files into an outbox) and registers it; <c>AddUserTypes</c> fails at start-up without one unless
/// <see cref="AccountMailOptions.Enabled"/> is off. Called after the change is committed.
/// </summary>
public interface IAccountMailer
{
    /// <summary>Sends one mail.</summary>
    /// <param name="mail">The mail; its token, if any, is a secret.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the mail is handed over.</returns>
    Task SendAsync(AccountMail mail, CancellationToken cancellationToken);
}
