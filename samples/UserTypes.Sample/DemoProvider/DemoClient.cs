using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace UserTypes.Sample.DemoProvider;

/// <summary>
/// The sample as the demo provider's one client. Both live in one process, so the secret is made anew at every start
/// and written nowhere.
/// </summary>
internal sealed class DemoClient
{
    public const string Id = "usertypes-sample";

    // Codes the token endpoint took. A development stand-in issues a handful, kept for the process's life.
    private readonly ConcurrentDictionary<string, byte> _redeemed = new(StringComparer.Ordinal);

    public string Secret { get; } = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether <paramref name="code"/> is redeemed now for the first time.</summary>
    public bool TryRedeem(string code) => _redeemed.TryAdd(code, 0);
}
