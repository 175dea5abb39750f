using System.Text;
using BenchmarkDotNet.Attributes;

namespace UserTypes.Benchmarks.Authentication;

/// <summary>
/// What normalising a password to NFKC before hashing costs (NIST SP 800-63B 5.1.1.2), against the BCrypt
/// verification at the default work factor 11 that every login pays anyway. The decision it informed: normalise,
/// because the cost is lost in the hash's (a ratio well under 0.0001), while without it one password typed on two
/// keyboards that compose accents differently is two passwords.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class PasswordNormalizationBenchmarks
{
    private string _hash = null!;

    [Params("correct horse battery staple", "cafe\u0301 au lait tre\u0300s cher", "\uFF50\uFF41\uFF53\uFF53\uFF57\uFF4F\uFF52\uFF44 \u3042\u304C")]
    public string Password { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _hash = BCrypt.Net.BCrypt.EnhancedHashPassword(Password, 11, BCrypt.Net.HashType.SHA384);

    [Benchmark(Baseline = true)]
    public bool VerifyAtWorkFactor11() => BCrypt.Net.BCrypt.EnhancedVerify(Password, _hash, BCrypt.Net.HashType.SHA384);

    [Benchmark]
    public string NormalizeToNfkc() => PasswordHasher.Normalize(Password)!;

    [Benchmark]
    public bool IsAlreadyNfkc() => Password.IsNormalized(NormalizationForm.FormKC);
}
