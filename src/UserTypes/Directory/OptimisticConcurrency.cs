namespace UserTypes;

/// <summary>
/// The bound of every read-decide-write loop that retries on a version conflict. Each conflict means another writer
/// landed, so the loop makes progress; the bound only turns a pathological storm (or a store that never accepts a
/// write) into an error instead of a hang.
/// </summary>
internal static class OptimisticConcurrency
{
    /// <summary>How many times a change is computed again before giving up.</summary>
    public const int MaxAttempts = 64;

    /// <summary>The error of a loop that reached <see cref="MaxAttempts"/>.</summary>
    /// <param name="what">What was being written, for the message.</param>
    /// <returns>The exception to throw.</returns>
    public static InvalidOperationException Exhausted(string what) =>
        new($"Gave up writing {what} after {MaxAttempts} version conflicts in a row; other writers kept changing it. Nothing was changed by this call.");
}
