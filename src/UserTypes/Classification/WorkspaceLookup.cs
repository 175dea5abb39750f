using System.Collections.Frozen;

namespace UserTypes;

/// <summary>
/// One workspace compiled for classification: frozen sets of canonical domains, so that a classification is a
/// few hash lookups whatever the size of the workspace. Immutable; a change to the workspace compiles a new one.
/// </summary>
internal sealed class WorkspaceLookup
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _collaboratorDomains;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _signupDomains;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _signupDomainsWithSubdomains;
    private readonly bool _hasSubdomainRules;

    private WorkspaceLookup(WorkspaceRecord workspace, FrozenSet<string> collaboratorDomains, FrozenSet<string> signupDomains, FrozenSet<string> withSubdomains)
    {
        Workspace = workspace;
        _collaboratorDomains = collaboratorDomains.GetAlternateLookup<ReadOnlySpan<char>>();
        _signupDomains = signupDomains.GetAlternateLookup<ReadOnlySpan<char>>();
        _signupDomainsWithSubdomains = withSubdomains.GetAlternateLookup<ReadOnlySpan<char>>();
        _hasSubdomainRules = withSubdomains.Count > 0;
    }

    /// <summary>The snapshot this lookup was compiled from.</summary>
    public WorkspaceRecord Workspace { get; }

    /// <summary>Compiles <paramref name="workspace"/>, leaving out every public mail domain.</summary>
    /// <param name="workspace">The snapshot to compile.</param>
    /// <param name="publicDomains">Canonical public mail domains, which never make anyone internal.</param>
    /// <returns>The compiled lookup.</returns>
    public static WorkspaceLookup Compile(WorkspaceRecord workspace, FrozenSet<string> publicDomains)
    {
        var collaboratorDomains = workspace.Collaborators
            .Where(c => c.Role is CollaboratorRole.Owner or CollaboratorRole.Collaborator)
            .Select(c => c.Email[(c.Email.LastIndexOf('@') + 1)..])
            .Where(domain => !publicDomains.Contains(domain))
            .ToFrozenSet(StringComparer.Ordinal);

        // A signup domain that a host later declares public stops counting too: security decisions fail closed.
        var signupDomains = workspace.SignupDomains.Where(d => !publicDomains.Contains(d.Domain)).ToList();
        return new WorkspaceLookup(
            workspace,
            collaboratorDomains,
            signupDomains.Select(d => d.Domain).ToFrozenSet(StringComparer.Ordinal),
            signupDomains.Where(d => d.IncludeSubdomains).Select(d => d.Domain).ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>Classifies a canonical domain. Allocates nothing.</summary>
    /// <param name="domain">A canonical domain, as <see cref="EmailAddress"/> produces.</param>
    /// <returns>The classification.</returns>
    public UserClassification Classify(ReadOnlySpan<char> domain)
    {
        if (_collaboratorDomains.TryGetValue(domain, out var matched))
        {
            return new UserClassification(UserType.Internal, ClassificationReason.CollaboratorDomain, matched);
        }

        if (_signupDomains.TryGetValue(domain, out matched))
        {
            return new UserClassification(UserType.Internal, ClassificationReason.SignupDomain, matched);
        }

        if (_hasSubdomainRules)
        {
            // Walk up the parents at label boundaries only, nearest first: "a.b.yzx.com" tries "b.yzx.com",
            // then "yzx.com". "notyzx.com" never reaches "yzx.com" because no dot precedes it.
            for (var dot = domain.IndexOf('.'); dot >= 0; dot = domain.IndexOf('.'))
            {
                domain = domain[(dot + 1)..];
                if (_signupDomainsWithSubdomains.TryGetValue(domain, out matched))
                {
                    return new UserClassification(UserType.Internal, ClassificationReason.SignupDomain, matched);
                }
            }
        }

        return new UserClassification(UserType.External, ClassificationReason.NoMatch, null);
    }
}
