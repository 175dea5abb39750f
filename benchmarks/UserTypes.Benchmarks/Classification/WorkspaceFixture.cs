using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;

namespace UserTypes.Benchmarks.Classification;

/// <summary>Deterministic workspaces of a given size, and a classifier wired the way a host wires it.</summary>
internal static class WorkspaceFixture
{
    public static WorkspaceRecord Create(int collaborators, int signupDomains) => new()
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

    public static WorkspaceLookup Compile(WorkspaceRecord workspace) =>
        WorkspaceLookup.Compile(workspace, PublicEmailDomains.BuiltIn.ToFrozenSet(StringComparer.Ordinal));

    /// <summary>A classifier over an in-memory store holding <paramref name="workspaces"/>, each already cached.</summary>
    public static IUserClassifier CreateClassifier(params WorkspaceRecord[] workspaces)
    {
        var provider = new ServiceCollection().AddUserTypes(o => o.Mail.Enabled = false).AddInMemoryStores().Services.BuildServiceProvider();
        var store = provider.GetRequiredService<IWorkspaceStore>();
        var classifier = provider.GetRequiredService<IUserClassifier>();
        foreach (var workspace in workspaces)
        {
            store.TryCreateAsync(workspace, [], CancellationToken.None).GetAwaiter().GetResult();
            classifier.ClassifyAsync(workspace.Id, "warm-up@example.com").AsTask().GetAwaiter().GetResult();
        }

        return classifier;
    }
}
