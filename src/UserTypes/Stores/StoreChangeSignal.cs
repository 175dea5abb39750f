namespace UserTypes.Stores;

/// <summary>
/// The one trigger of every per-process cache (compiled workspace lookups, the implicit anonymous user): a store
/// raises it after each committed write, whether the write was made by this process or heard of from another one on
/// the same database, and the caches listen to nothing else.
/// </summary>
/// <remarks>
/// Raise it after the change is visible to readers (after the commit): a cache dropped earlier could be refilled
/// from the old state. Handlers run on the raising thread and must be quick.
/// </remarks>
public sealed class StoreChangeSignal
{
    // One per container, made by AddUserTypes: a store takes it in its constructor, so no store can signal an
    // instance that no cache listens to.
    internal StoreChangeSignal()
    {
    }

    /// <summary>Raised for every change; see <see cref="StoreChangedEventArgs"/> for what changed.</summary>
    public event EventHandler<StoreChangedEventArgs>? Changed;

    /// <summary>A workspace changed: its collaborators, signup domains or licence, or any number of its accounts.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <exception cref="ArgumentNullException"><paramref name="workspaceId"/> is <see langword="null"/>.</exception>
    public void WorkspaceChanged(string workspaceId)
    {
        ArgumentNullException.ThrowIfNull(workspaceId);
        Changed?.Invoke(this, new StoreChangedEventArgs(workspaceId, userId: null));
    }

    /// <summary>One account changed (created, changed or removed); the workspace itself did not.</summary>
    /// <param name="workspaceId">The account's workspace.</param>
    /// <param name="userId">The account.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public void AccountChanged(string workspaceId, string userId)
    {
        ArgumentNullException.ThrowIfNull(workspaceId);
        ArgumentNullException.ThrowIfNull(userId);
        Changed?.Invoke(this, new StoreChangedEventArgs(workspaceId, userId));
    }

    /// <summary>Anything may have changed (for example while a lost connection heard nothing): drop everything cached.</summary>
    public void EverythingChanged() => Changed?.Invoke(this, StoreChangedEventArgs.Everything);
}
