using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;

namespace UserTypes.Benchmarks.Rights;

/// <summary>
/// A data-right check, as every guarded request makes it. Baseline: walking the defaults and the grant on every call,
/// as a host would without a precomputed table. Goal: at most 20 ns and 0 bytes.
/// </summary>
[MemoryDiagnoser]
public class AllowsBenchmarks
{
    private static readonly string[] Entities = ["contact", "sale", "project", "appointment", "document", "selection", "ticket", "quote"];

    private RightsGrant _defaults = null!;
    private RightsGrant _grant = null!;
    private EffectiveRights _rights = null!;

    [Params("Contact", "unknown-entity")]
    public string Entity { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var options = new UserTypesOptions();
        _defaults = options.Rights.Internal.Defaults;
        _grant = new RightsGrant
        {
            DataRights = Entities.ToDictionary(e => e, e => DataRights.Delete),
            FunctionalRights = new HashSet<string> { FunctionalRights.ManageRights, "export" },
        };
        _rights = new RightsPolicy(Options.Create(options)).Evaluate(UserType.Internal, _grant);
    }

    [Benchmark(Baseline = true)]
    public bool WalkTheGrantsOnEveryCall()
    {
        var allowed = DataRights.None;
        foreach (var source in new[] { _defaults, _grant })
        {
            foreach (var (entity, rights) in source.DataRights)
            {
                if (entity == "*" || string.Equals(entity, Entity, StringComparison.OrdinalIgnoreCase))
                {
                    allowed |= rights;
                }
            }
        }

        return (allowed & DataRights.All & DataRights.Delete) == DataRights.Delete;
    }

    [Benchmark]
    public bool EffectiveRightsAllows() => _rights.Allows(Entity, DataRights.Delete);
}
