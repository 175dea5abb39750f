using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// Everything a host configures, grouped by area, in code or bound from configuration (<c>AddUserTypes(section)</c>).
/// Validated at start-up; one error lists every bad value.
/// </summary>
public sealed class UserTypesOptions
{
    /// <summary>How e-mail addresses decide user types.</summary>
    [Required]
    [ValidateObjectMembers]
    public ClassificationOptions Classification { get; set; } = new();

    /// <summary>The mailbox flows: whether they are on, and how many mails one address may be sent.</summary>
    [Required]
    [ValidateObjectMembers]
    public AccountMailOptions Mail { get; set; } = new();

    /// <summary>How long issued tokens stay valid.</summary>
    [Required]
    [ValidateObjectMembers]
    public TokenOptions Tokens { get; set; } = new();

    /// <summary>Whether external users are allowed.</summary>
    [Required]
    public ExternalUserOptions ExternalUsers { get; set; } = new();

    /// <summary>How calls without credentials are treated.</summary>
    [Required]
    public AnonymousUserOptions AnonymousUsers { get; set; } = new();

    /// <summary>The password policy and hashing cost.</summary>
    [Required]
    [ValidateObjectMembers]
    public PasswordOptions Password { get; set; } = new();

    /// <summary>How repeated wrong passwords lock an account.</summary>
    [Required]
    [ValidateObjectMembers]
    public LockoutOptions Lockout { get; set; } = new();

    /// <summary>How long signed-in sessions last, and how many one account may hold.</summary>
    [Required]
    [ValidateObjectMembers]
    public SessionOptions Sessions { get; set; } = new();

    /// <summary>How many API keys one account may hold.</summary>
    [Required]
    [ValidateObjectMembers]
    public ApiKeyOptions ApiKeys { get; set; } = new();

    /// <summary>What each user type gets by default and the most it can hold.</summary>
    [Required]
    [ValidateObjectMembers]
    public RightsOptions Rights { get; set; } = new();

    /// <summary>How long the audit trail keeps its entries.</summary>
    [Required]
    [ValidateObjectMembers]
    public AuditOptions Audit { get; set; } = new();
}
