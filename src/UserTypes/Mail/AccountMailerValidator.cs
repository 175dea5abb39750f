using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>Fails start-up when the mailbox flows are on and no <see cref="IAccountMailer"/> is registered to send their mails.</summary>
internal sealed class AccountMailerValidator(IEnumerable<IAccountMailer> mailers) : IValidateOptions<UserTypesOptions>
{
    public ValidateOptionsResult Validate(string? name, UserTypesOptions options) =>
        options.Mail is { Enabled: true } && !mailers.Any()
            ? ValidateOptionsResult.Fail("Mail.Enabled is on but no IAccountMailer is registered: register the host's mailer (services.AddSingleton<IAccountMailer, ...>()), or turn the mailbox flows off.")
            : ValidateOptionsResult.Success;
}
