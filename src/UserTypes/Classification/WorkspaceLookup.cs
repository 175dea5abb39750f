using System.Collections.Frozen;

namespace UserTypes;

/// <summary>
/// One workspace compiled for classification: each domain that makes users internal mapped to the answer it
/// gives, so that a classification is one or two hash lookups whatever the size of the workspace. Immutable; a
/// change to the workspace compiles a new one.
/// </summary>
internal sealed class WorkspaceLookup
{
    private static readonly ClassificationAnswer NoMatch = new(new(UserType.External, ClassificationReason.NoMatch, null));

    private readonly FrozenDictionary<string, ClassificationAnswer>.AlternateLookup<ReadOnlySpan<char>> _exactDomains;
    private readonly FrozenDictionary<string, ClassificationAnswer>.AlternateLookup<ReadOnlySpan<char>> _parentDomains;
    private readonly int _shortestParentDomain;

    private WorkspaceLookup(WorkspaceRecord workspace, FrozenDictionary<string, ClassificationAnswer> exact, FrozenDictionary<string, ClassificationAnswer> parents)
    {
        Workspace = workspace;
        _exactDomains = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _parentDomains = parents.GetAlternateLookup<ReadOnlySpan<char>>();
        _shortestParentDomain = parents.Count > 0 ? parents.Keys.Min(key => key.Length) : int.MaxValue;
    }

    /// <summary>The snapshot this lookup was compiled from.</summary>
    public WorkspaceRecord Workspace { get; }

    /// <summary>Compiles <paramref name="workspace"/>, leaving out every public mail domain.</summary>
    /// <param name="workspace">The snapshot to compile.</param>
    /// <param name="publicDomains">Canonical public mail domains, which never make anyone internal.</param>
    /// <returns>The compiled lookup.</returns>
    public static WorkspaceLookup Compile(WorkspaceRecord workspace, FrozenSet<string> publicDomains)
    {
        // A signup domain that a host later declares public stops counting too: security decisions fail closed.
        var signupDomains = workspace.SignupDomains.Where(d => !publicDomains.Contains(d.Domain)).ToList();

        var exact = new Dictionary<string, ClassificationAnswer>(StringComparer.Ordinal);
        foreach (var signup in signupDomains)
        {
            exact[signup.Domain] = Internal(ClassificationReason.SignupDomain, signup.Domain);
        }

        // Collaborator domains come last so that, for a domain that is both, the collaborator rule is the reason.
        foreach (var collaborator in workspace.Collaborators.Where(c => c.Role is CollaboratorRole.Owner or CollaboratorRole.Collaborator))
        {
            var domain = collaborator.Email[(collaborator.Email.LastIndexOf('@') + 1)..];
            if (!publicDomains.Contains(domain))
            {
                exact[domain] = Internal(ClassificationReason.CollaboratorDomain, domain);
            }
        }

        var parents = signupDomains
            .Where(d => d.IncludeSubdomains)
            .ToFrozenDictionary(d => d.Domain, d => Internal(ClassificationReason.SignupDomain, d.Domain), StringComparer.Ordinal);
        return new WorkspaceLookup(workspace, exact.ToFrozenDictionary(StringComparer.Ordinal), parents);
    }

    /// <summary>Classifies a canonical domain. Allocates nothing.</summary>
    /// <param name="domain">A canonical domain, as <see cref="EmailAddress"/> produces.</param>
    /// <returns>The answer, shared by every address of that domain.</returns>
    public ClassificationAnswer Classify(ReadOnlySpan<char> domain)
    {
        if (_exactDomains.TryGetValue(domain, out var match))
        {
            return match;
        }

        // Walk up the parents at label boundaries only, nearest first: "a.b.yzx.com" tries "b.yzx.com", then
        // "yzx.com". "notyzx.com" never reaches "yzx.com" because no dot precedes it. A parent shorter than the
        // shortest subdomain-including signup domain cannot match, so the walk stops there; without any such
        // signup domain it never starts.
        if (domain.Length > _shortestParentDomain)
        {
            for (var dot = domain.IndexOf('.'); dot >= 0 && domain.Length - dot - 1 >= _shortestParentDomain; dot = domain.IndexOf('.'))
            {
                domain = domain[(dot + 1)..];
                if (_parentDomains.TryGetValue(domain, out match))
                {
                    return match;
                }
            }
        }

        return NoMatch;
    }

    private static ClassificationAnswer Internal(ClassificationReason reason, string domain) =>
        new(new UserClassification(UserType.Internal, reason, domain));
}
