using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// The one way into BCrypt: at most <see cref="PasswordOptions.HashingConcurrency"/> computations run at once, oldest
/// first, with a short queue behind them; past that a caller gets <see cref="HashingBusyException"/> at once. Waiting is
/// asynchronous, so queued logins hold no thread, and the computations hold no more threads than the cores: requests
/// that need no hashing (anonymous, session, API key) never wait behind a flood of passwords.
/// </summary>
internal sealed class HashingGate : IDisposable
{
    /// <summary>What a refused caller is told to wait: about the time the queue takes to drain at the default work factor.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly ConcurrencyLimiter _limiter;

    public HashingGate(IOptions<UserTypesOptions> options) =>
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.Password.HashingConcurrency,
            QueueLimit = options.Value.Password.HashingQueueLength,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

    /// <summary>Takes a slot, waiting in the queue if there is room; dispose the lease when the computation is done.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The slot.</returns>
    /// <exception cref="HashingBusyException">Every slot and the queue are taken.</exception>
    public async ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new HashingBusyException(RetryAfter);
        }

        return lease;
    }

    public void Dispose() => _limiter.Dispose();
}
