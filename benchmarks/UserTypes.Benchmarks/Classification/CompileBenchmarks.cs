using BenchmarkDotNet.Attributes;

namespace UserTypes.Benchmarks.Classification;

/// <summary>Rebuilding the lookup of a large workspace, as every change to it does.</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private WorkspaceRecord _small = null!;
    private WorkspaceRecord _large = null!;

    [GlobalSetup]
    public void Setup()
    {
        _small = WorkspaceFixture.Create(collaborators: 10, signupDomains: 0);
        _large = WorkspaceFixture.Create(collaborators: 10_000, signupDomains: 1_000);
    }

    [Benchmark(Baseline = true)]
    public object Compile10Collaborators() => WorkspaceFixture.Compile(_small);

    [Benchmark]
    public object Compile10000Collaborators1000SignupDomains() => WorkspaceFixture.Compile(_large);
}
