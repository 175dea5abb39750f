using System.Collections.Frozen;

namespace UserTypes.Benchmarks.Classification;

/// <summary>Deterministic workspaces of a given size, compiled the way the classifier compiles them.</summary>
internal static class WorkspaceFixture
{
    public static WorkspaceRecord Create(int collaborators, int signupDomains)
    {
        return new WorkspaceRecord
        {
            Id = $"bench-{collaborators}-{signupDomains}",
            Collaborators =
            [
                .. Enumerable.Range(0, collaborators).Select(i => new Collaborator(
                    $"person{i}@company{i}.example",
                    (i % 10) switch { 0 => CollaboratorRole.Owner, 9 => CollaboratorRole.Guest, _ => CollaboratorRole.Collaborator })),
            ],
            SignupDomains = [.. Enumerable.Range(0, signupDomains).Select(i => new SignupDomain($"signup{i}.example", i % 2 == 0))],
        };
    }

    public static WorkspaceLookup Compile(WorkspaceRecord workspace) =>
        WorkspaceLookup.Compile(workspace, PublicEmailDomains.BuiltIn.ToFrozenSet(StringComparer.Ordinal));
}
