namespace UserTypes;

/// <summary>A user name and password presented at login.</summary>
/// <param name="UserName">The user name, compared case-insensitively.</param>
/// <param name="Password">The password.</param>
public sealed record PasswordCredentials(string UserName, string Password)
{
    /// <summary>Never shows the password, so a logged record leaks nothing.</summary>
    /// <returns>The user name only.</returns>
    public override string ToString() => $"PasswordCredentials {{ UserName = {UserName} }}";
}
