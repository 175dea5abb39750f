using System.Globalization;
using System.Text;

namespace UserTypes.Sample.Mail;

/// <summary>
/// The sample's <see cref="IAccountMailer"/>: each mail becomes an RFC 5322 message in an <c>outbox</c> folder beside
/// the data file (the pickup-directory pattern a real host points its mail server at). The link in a mail carries the
/// token; nothing else in the sample ever shows one.
/// </summary>
internal sealed class OutboxMailer(string folder, TimeProvider time) : IAccountMailer
{
    public const string From = "UserTypes sample <no-reply@usertypes-sample.example>";

    public string Folder { get; } = folder;

    public async Task SendAsync(AccountMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var now = time.GetUtcNow();
        var (subject, body) = Describe(mail);
        var message = new StringBuilder()
            .Append("From: ").Append(From).Append("\r\n")
            .Append("To: ").Append(mail.Email).Append("\r\n")
            .Append("Subject: ").Append(subject).Append("\r\n")
            .Append("Date: ").Append(now.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Message-ID: <").Append(Guid.NewGuid().ToString("N")).Append("@usertypes-sample.example>\r\n")
            .Append("X-UserTypes-Kind: ").Append(mail.Kind).Append("\r\n")
            .Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(body.ReplaceLineEndings("\r\n")).Append("\r\n")
            .ToString();

        // Written whole under a temporary name, then renamed: a reader of the outbox never sees half a mail.
        var name = $"{now:yyyyMMdd'T'HHmmssfff}-{mail.Kind}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(Folder, name + ".tmp");
        await File.WriteAllTextAsync(temporary, message, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        File.Move(temporary, Path.Combine(Folder, name + ".eml"));
    }

    private static (string Subject, string Body) Describe(AccountMail mail)
    {
        var workspace = Uri.EscapeDataString(mail.WorkspaceId);
        var email = Uri.EscapeDataString(mail.Email);
        var token = Uri.EscapeDataString(mail.Token ?? string.Empty);
        return mail.Kind switch
        {
            AccountMailKind.SignUp => ("Finish signing up", $"""
                Someone (hopefully you) asked to sign up with this address. To choose your password and finish, open:

                https://app.example/workspaces/{workspace}/signup/complete?email={email}&token={token}

                The link works once, until {mail.ExpiresAt:u}. If it was not you, ignore this mail.
                """),
            AccountMailKind.AlreadyRegistered => ("You already have an account", """
                Someone asked to sign up with this address, but it already has an account. Log in, or reset your
                password if you forgot it. If it was not you, ignore this mail.
                """),
            AccountMailKind.PasswordReset => ("Reset your password", $"""
                To choose a new password, open:

                https://app.example/workspaces/{workspace}/password-reset/complete?email={email}&token={token}

                The link works once, until {mail.ExpiresAt:u}. If you did not ask for it, ignore this mail.
                """),
            AccountMailKind.NoAccount => ("Password reset", """
                Someone asked to reset the password of an account with this address, but there is none (or its
                address is not confirmed). If it was not you, ignore this mail.
                """),
            AccountMailKind.Invitation => ("You are invited", $"""
                You are invited to a login. To choose your password and accept, open:

                https://app.example/workspaces/{workspace}/invitations/accept?email={email}&token={token}

                The link works once, until {mail.ExpiresAt:u}. If you do not know why you got this, ignore it.
                """),
            AccountMailKind.EmailChange => ("Confirm your new address", $"""
                To move your account to this address, open:

                https://app.example/workspaces/{workspace}/me/email/confirm?userId={Uri.EscapeDataString(mail.UserId ?? string.Empty)}&token={token}

                The link works once, until {mail.ExpiresAt:u}. If you did not ask for it, ignore this mail.
                """),
            AccountMailKind.EmailChanged => ("Your address was changed", """
                Your account moved to another address. If this was not you, tell your administrator at once.
                """),
            AccountMailKind.PasswordChanged => ("Your password was changed", """
                The password of your account was just changed. If this was not you, reset your password at once and tell
                your administrator.
                """),
            _ => (mail.Kind.ToString(), mail.ToString()),
        };
    }
}
