using Microsoft.AspNetCore.Authentication;

namespace UserTypes.AspNetCore;

/// <summary>Options of the UserTypes authentication scheme.</summary>
public sealed class UserTypesAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The route value the default workspace resolver reads first. Default <c>workspaceId</c>.</summary>
    public string WorkspaceRouteValue { get; set; } = "workspaceId";

    /// <summary>The request header the default workspace resolver reads when the route has no workspace. Default <c>X-Workspace</c>.</summary>
    public string WorkspaceHeader { get; set; } = "X-Workspace";

    /// <summary>The realm named in the <c>WWW-Authenticate</c> challenge: printable ASCII without quotes or backslashes. Default <c>UserTypes</c>.</summary>
    public string Realm { get; set; } = "UserTypes";

    /// <summary>Checks every option; the scheme calls it before it first handles a request.</summary>
    /// <exception cref="ArgumentException">An option is empty, or the realm could not be written into the challenge header as it is; the message lists every problem and <see cref="ArgumentException.ParamName"/> names the first.</exception>
    public override void Validate()
    {
        base.Validate();
        List<(string Option, string Problem)> problems = [];
        if (string.IsNullOrWhiteSpace(WorkspaceRouteValue))
        {
            problems.Add((nameof(WorkspaceRouteValue), "must name a route value"));
        }

        if (string.IsNullOrWhiteSpace(WorkspaceHeader))
        {
            problems.Add((nameof(WorkspaceHeader), "must name a header"));
        }

        // The realm is written inside a quoted string of a response header: anything else could break or forge it.
        if (string.IsNullOrEmpty(Realm) || Realm.Any(c => c is < ' ' or > '~' or '"' or '\\'))
        {
            problems.Add((nameof(Realm), "must be printable ASCII without quotes or backslashes"));
        }

        if (problems.Count > 0)
        {
            var message = string.Join("; ", problems.Select(problem => $"{problem.Option} {problem.Problem}"));
            throw new ArgumentException($"The UserTypes authentication options are not valid: {message}.", problems[0].Option);
        }
    }
}
