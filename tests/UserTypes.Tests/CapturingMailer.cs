using System.Collections.Concurrent;

namespace UserTypes.Tests;

/// <summary>The mailer of the tests: keeps every mail, as an inbox a test reads.</summary>
internal sealed class CapturingMailer : IAccountMailer
{
    public ConcurrentQueue<AccountMail> Sent { get; } = new();

    public Task SendAsync(AccountMail mail, CancellationToken cancellationToken)
    {
        Sent.Enqueue(mail);
        return Task.CompletedTask;
    }

    /// <summary>The mails sent to an address, oldest first.</summary>
    public IReadOnlyList<AccountMail> To(string email) => [.. Sent.Where(mail => string.Equals(mail.Email, email, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The newest token mailed to an address for a purpose.</summary>
    public string TokenFor(string email, AccountMailKind kind) =>
        To(email).LastOrDefault(mail => mail.Kind == kind)?.Token ?? throw new AssertionException($"No {kind} mail with a token reached {email}.");
}
