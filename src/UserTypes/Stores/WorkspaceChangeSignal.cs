namespace UserTypes;

/// <summary>
/// How a store tells this process that data changed somewhere else (another process on the same database), so
/// that the per-process caches (compiled workspace lookups, the implicit anonymous user) are dropped and read
/// again. A store shared between processes raises it; the in-memory store never needs to.
/// </summary>
public sealed class WorkspaceChangeSignal
{
    internal event Action<string?>? Raised;

    /// <summary>One workspace, its accounts or its licence changed elsewhere.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <exception cref="ArgumentNullException"><paramref name="workspaceId"/> is <see langword="null"/>.</exception>
    public void WorkspaceChanged(string workspaceId)
    {
        ArgumentNullException.ThrowIfNull(workspaceId);
        Raised?.Invoke(workspaceId);
    }

    /// <summary>Anything may have changed elsewhere (for example after a lost connection): drop every cached workspace.</summary>
    public void EverythingChanged() => Raised?.Invoke(null);
}
