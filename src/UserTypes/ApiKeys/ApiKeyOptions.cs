using System.ComponentModel.DataAnnotations;

namespace UserTypes;

/// <summary>How many API keys one account may hold.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>
    /// How many unexpired keys one account may hold at once; creating one more is refused until one is revoked or
    /// expires (an old key is never dropped behind its agent's back). Default 10; 1 to 1000.
    /// </summary>
    [Range(1, 1000)]
    public int MaxPerAccount { get; set; } = 10;
}
