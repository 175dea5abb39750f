namespace UserTypes;

/// <summary>A workspace as the directory shows it: what decides its users' types, and its licence.</summary>
/// <param name="Id">The workspace id.</param>
/// <param name="Collaborators">The owners, collaborators and guests, one entry per canonical e-mail address.</param>
/// <param name="SignupDomains">The signup domains, one entry per canonical domain.</param>
/// <param name="License">What the workspace has bought.</param>
public sealed record Workspace(string Id, IReadOnlyList<Collaborator> Collaborators, IReadOnlyList<SignupDomain> SignupDomains, WorkspaceLicense License)
{
    /// <summary>The OpenID Connect issuers whose identities may sign in, with their bound domains.</summary>
    public IReadOnlyList<TrustedIssuer> TrustedIssuers { get; init; } = [];
}
