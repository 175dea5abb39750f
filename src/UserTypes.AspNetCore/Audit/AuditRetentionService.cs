using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UserTypes.AspNetCore;

/// <summary>
/// Applies <see cref="AuditOptions.Retention"/>: purges the audit trail when the host starts and then every hour. Does
/// nothing when no retention is set. A purge that fails is logged and tried again at the next hour.
/// </summary>
internal sealed partial class AuditRetentionService(IAuditLog log, IOptions<UserTypesOptions> options, TimeProvider time, ILogger<AuditRetentionService> logger) : BackgroundService
{
    /// <summary>How often the trail is purged.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Audit.Retention is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                try
                {
                    LogPurged(logger, await log.PurgeAsync(stoppingToken).ConfigureAwait(false));
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // Whatever failed (a timeout that looks like a cancellation too), the host keeps running.
                    LogPurgeFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "The audit trail's retention removed {Removed} entries.")]
    private static partial void LogPurged(ILogger logger, long removed);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Purging the audit trail failed; it is tried again within the hour.")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
