using Microsoft.AspNetCore.Authentication;

namespace UserTypes.AspNetCore;

/// <summary>Options of the UserTypes authentication scheme. Where the workspace comes from is <see cref="UserTypesWorkspaceOptions"/>.</summary>
public sealed class UserTypesAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Creates the options with fresh <see cref="UserTypesAuthenticationEvents"/>.</summary>
    public UserTypesAuthenticationOptions() => Events = new UserTypesAuthenticationEvents();

    /// <summary>The realm named in the <c>WWW-Authenticate</c> challenge: printable ASCII without quotes or backslashes. Default <c>UserTypes</c>.</summary>
    public string Realm { get; set; } = "UserTypes";

    /// <summary>The hooks of the scheme; see <see cref="UserTypesAuthenticationEvents"/>.</summary>
    public new UserTypesAuthenticationEvents Events
    {
        get => (UserTypesAuthenticationEvents)base.Events!;
        set => base.Events = value;
    }

    /// <summary>Checks every option; the scheme calls it before it first handles a request.</summary>
    /// <exception cref="ArgumentException">The realm could not be written into the challenge header as it is.</exception>
    public override void Validate()
    {
        base.Validate();

        // The realm is written inside a quoted string of a response header: anything else could break or forge it.
        if (string.IsNullOrEmpty(Realm) || Realm.Any(c => c is < ' ' or > '~' or '"' or '\\'))
        {
            throw new ArgumentException("The UserTypes authentication options are not valid: Realm must be printable ASCII without quotes or backslashes.", nameof(Realm));
        }
    }
}
