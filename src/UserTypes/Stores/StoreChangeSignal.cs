using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace UserTypes.Stores;

/// <summary>
/// The one trigger of every per-process cache (compiled workspace lookups, the implicit anonymous user, sessions): a
/// store raises it after each committed write, whether the write was made by this process or heard of from another one
/// on the same database, and the caches listen to nothing else.
/// </summary>
/// <remarks>
/// Raise it after the change is visible to readers (after the commit): a cache dropped earlier could be refilled
/// from the old state. Handlers run on the raising thread and must be quick. UserTypes' own caches hear of a change
/// before any <see cref="Changed"/> handler runs, and a handler that throws is logged and stops neither the others nor
/// the store that raised the change.
/// </remarks>
public sealed partial class StoreChangeSignal
{
    private readonly ILogger _logger;
    private Action<StoreChangedEventArgs>? _caches;

    // One per container, made by AddUserTypes: a store takes it in its constructor, so no store can signal an
    // instance that no cache listens to.
    internal StoreChangeSignal(ILogger<StoreChangeSignal>? logger = null) => _logger = logger ?? NullLogger<StoreChangeSignal>.Instance;

    /// <summary>Raised for every change; see <see cref="StoreChangedEventArgs"/> for what changed.</summary>
    public event EventHandler<StoreChangedEventArgs>? Changed;

    /// <summary>A workspace changed: its collaborators, signup domains or licence, or any number of its accounts.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <exception cref="ArgumentNullException"><paramref name="workspaceId"/> is <see langword="null"/>.</exception>
    public void WorkspaceChanged(string workspaceId)
    {
        ArgumentNullException.ThrowIfNull(workspaceId);
        Raise(new StoreChangedEventArgs(workspaceId, userId: null));
    }

    /// <summary>One account changed (created, changed or removed); the workspace itself did not.</summary>
    /// <param name="workspaceId">The account's workspace.</param>
    /// <param name="userId">The account.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public void AccountChanged(string workspaceId, string userId)
    {
        ArgumentNullException.ThrowIfNull(workspaceId);
        ArgumentNullException.ThrowIfNull(userId);
        Raise(new StoreChangedEventArgs(workspaceId, userId));
    }

    /// <summary>Anything may have changed (for example while a lost connection heard nothing): drop everything cached.</summary>
    public void EverythingChanged() => Raise(StoreChangedEventArgs.Everything);

    /// <summary>Subscribes one of UserTypes' own caches, which hear of every change before the public handlers.</summary>
    /// <param name="cache">Drops what the change makes stale; must not throw.</param>
    internal void Subscribe(Action<StoreChangedEventArgs> cache) => _caches += cache;

    private void Raise(StoreChangedEventArgs change)
    {
        _caches?.Invoke(change);
        if (Changed is not { } handlers)
        {
            return;
        }

        // One at a time: a host's handler that throws must not keep the others from hearing, nor turn a committed write
        // into a failure, nor stop a watcher.
        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((EventHandler<StoreChangedEventArgs>)handler)(this, change);
            }
            catch (Exception e)
            {
                LogHandlerFailed(_logger, change.WorkspaceId, e);
            }
        }
    }

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error, Message = "A StoreChangeSignal.Changed handler threw on a change of workspace '{WorkspaceId}'; the other handlers were still called.")]
    private static partial void LogHandlerFailed(ILogger logger, string? workspaceId, Exception exception);
}
