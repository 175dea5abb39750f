namespace UserTypes;

/// <summary>
/// A mail the host must send: to <see cref="Email"/>, saying what <see cref="Kind"/> says, with the link that carries
/// <see cref="Token"/> when there is one. The library never hands a token to the caller of a flow, only to the mailer.
/// </summary>
public sealed class AccountMail
{
    internal AccountMail(string workspaceId, string email, AccountMailKind kind, string? userId = null, string? token = null, DateTimeOffset? expiresAt = null)
    {
        WorkspaceId = workspaceId;
        Email = email;
        Kind = kind;
        UserId = userId;
        Token = token;
        ExpiresAt = expiresAt;
    }

    /// <summary>The workspace the mail is about.</summary>
    public string WorkspaceId { get; }

    /// <summary>Where to send it: a canonical address.</summary>
    public string Email { get; }

    /// <summary>What the mail is for.</summary>
    public AccountMailKind Kind { get; }

    /// <summary>The account the mail is about, when there is one.</summary>
    public string? UserId { get; }

    /// <summary>The single-use token for the link; <see langword="null"/> for notices. A secret: never log it.</summary>
    public string? Token { get; }

    /// <summary>When the token expires; <see langword="null"/> for notices.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The mail for a log line: everything but the token.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Kind} mail to {Email} in workspace '{WorkspaceId}'{(UserId is null ? string.Empty : $" about account '{UserId}'")}{(Token is null ? string.Empty : $", token expiring {ExpiresAt:O}")}";
}
