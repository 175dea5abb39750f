namespace UserTypes;

/// <summary>
/// Every slot for BCrypt work is taken and so is the queue behind them (<see cref="PasswordOptions.HashingConcurrency"/>,
/// <see cref="PasswordOptions.HashingQueueLength"/>): the password was neither checked nor set, nothing changed and no
/// attempt was counted. Not a failed authentication: ask the caller to try again after <see cref="RetryAfter"/>.
/// UserTypes.AspNetCore answers it with 503 and a <c>Retry-After</c> header.
/// </summary>
public sealed class HashingBusyException : UserTypesException
{
    internal HashingBusyException(TimeSpan retryAfter)
        : base("Too many passwords are being checked at once; try again shortly.")
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the caller should wait before trying again.</summary>
    public TimeSpan RetryAfter { get; }
}
