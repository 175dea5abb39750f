using BenchmarkDotNet.Attributes;

namespace UserTypes.Benchmarks.Classification;

/// <summary>
/// The hot path, through the public <see cref="IUserClassifier"/>: an ASCII address in a cached workspace, small
/// and huge, matching and not matching. The time must not grow with the workspace; nothing may be allocated.
/// </summary>
[MemoryDiagnoser]
public class ClassifyBenchmarks
{
    private IUserClassifier _classifier = null!;
    private string _small = null!;
    private string _large = null!;

    [Params("james@company7.example", "applicant@elsewhere.example")]
    public string Email { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var small = WorkspaceFixture.Create(collaborators: 10, signupDomains: 0);
        var large = WorkspaceFixture.Create(collaborators: 10_000, signupDomains: 1_000);
        (_small, _large) = (small.Id, large.Id);
        _classifier = WorkspaceFixture.CreateClassifier(small, large);
    }

    [Benchmark(Baseline = true)]
    public UserClassification Workspace10Collaborators() => _classifier.ClassifyAsync(_small, Email).GetAwaiter().GetResult();

    [Benchmark]
    public UserClassification Workspace10000Collaborators1000SignupDomains() => _classifier.ClassifyAsync(_large, Email).GetAwaiter().GetResult();
}
