namespace UserTypes;

/// <summary>Everything a host configures, grouped by area. Validated at start-up; one error lists every bad value.</summary>
public sealed class UserTypesOptions
{
    /// <summary>How e-mail addresses decide user types.</summary>
    public ClassificationOptions Classification { get; } = new();

    /// <summary>Whether external users are allowed.</summary>
    public ExternalUserOptions ExternalUsers { get; } = new();

    /// <summary>How calls without credentials are treated.</summary>
    public AnonymousUserOptions AnonymousUsers { get; } = new();

    /// <summary>The password policy and hashing cost.</summary>
    public PasswordOptions Password { get; } = new();

    /// <summary>How repeated wrong passwords lock an account.</summary>
    public LockoutOptions Lockout { get; } = new();

    /// <summary>What each user type gets by default and the most it can hold.</summary>
    public RightsOptions Rights { get; } = new();
}
