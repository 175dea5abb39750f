using BenchmarkDotNet.Attributes;

namespace UserTypes.Benchmarks.Classification;

/// <summary>
/// Our classification against the rule a host would write by hand: split the address, lower-case it and scan the
/// collaborator list with LINQ, at 1,000 collaborators. Goal: at least 500 times faster.
/// </summary>
[MemoryDiagnoser]
public class ClassifyVersusNaiveBenchmarks
{
    private const string Email = "Applicant@Elsewhere.example";
    private WorkspaceRecord _workspace = null!;
    private IUserClassifier _classifier = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workspace = WorkspaceFixture.Create(collaborators: 1_000, signupDomains: 10);
        _classifier = WorkspaceFixture.CreateClassifier(_workspace);
    }

    [Benchmark(Baseline = true)]
    public bool NaiveLinqScan()
    {
        var domain = Email.Split('@')[1].ToLowerInvariant();
        return _workspace.Collaborators
                .Where(c => c.Role != CollaboratorRole.Guest)
                .Any(c => c.Email.Split('@')[1].ToLowerInvariant() == domain)
            || _workspace.SignupDomains.Any(d => d.Domain.ToLowerInvariant() == domain);
    }

    [Benchmark]
    public bool UserClassifier() =>
        _classifier.ClassifyAsync(_workspace.Id, Email).GetAwaiter().GetResult().UserType == UserType.Internal;
}
