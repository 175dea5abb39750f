using System.ComponentModel.DataAnnotations;

namespace UserTypes;

/// <summary>How long the audit trail keeps its entries (<see cref="IAuditLog.PurgeAsync"/>).</summary>
public sealed class AuditOptions
{
    /// <summary>
    /// How long an entry is kept: older ones are removed by <see cref="IAuditLog.PurgeAsync"/>. Default
    /// <see langword="null"/>: kept for ever. 1 day to 100 years.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "36500.00:00:00")]
    public TimeSpan? Retention { get; set; }

    /// <summary>How many entries one purge statement removes at most. Default 1000; 1 to 100,000.</summary>
    [Range(1, 100_000)]
    public int PurgeBatchSize { get; set; } = 1000;
}
