using BenchmarkDotNet.Attributes;

namespace UserTypes.Benchmarks.Classification;

/// <summary>
/// The hot path: classifying an ASCII address in a cached workspace, small and huge, for a matching and a
/// non-matching address. The time must not grow with the workspace, and nothing may be allocated.
/// </summary>
[MemoryDiagnoser]
public class ClassifyBenchmarks
{
    private WorkspaceLookup _small = null!;
    private WorkspaceLookup _large = null!;

    [Params("james@company7.example", "applicant@elsewhere.example")]
    public string Email { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _small = WorkspaceFixture.Compile(WorkspaceFixture.Create(collaborators: 10, signupDomains: 0));
        _large = WorkspaceFixture.Compile(WorkspaceFixture.Create(collaborators: 10_000, signupDomains: 1_000));
    }

    [Benchmark(Baseline = true)]
    public UserClassification Workspace10Collaborators() => UserClassifier.Classify(_small, Email);

    [Benchmark]
    public UserClassification Workspace10000Collaborators1000SignupDomains() => UserClassifier.Classify(_large, Email);
}
