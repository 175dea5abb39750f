namespace UserTypes;

/// <summary>What one write changed, as it is told to other processes and raised in this one.</summary>
/// <param name="WorkspaceId">The workspace.</param>
/// <param name="UserId">The one account changed, or <see langword="null"/> for the workspace itself (or any of its accounts).</param>
internal readonly record struct StoreChange(string WorkspaceId, string? UserId)
{
    /// <summary>Whether the write is told to anyone: not for data no cache holds (tokens).</summary>
    public bool Notify { get; private init; } = true;

    /// <summary>A write under the workspace's lock that no cache needs to hear of.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <returns>The change.</returns>
    public static StoreChange Silent(string workspaceId) => new(workspaceId, null) { Notify = false };

    /// <summary>A change of the workspace itself, or of any number of its accounts.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <returns>The change.</returns>
    public static StoreChange Of(string workspaceId) => new(workspaceId, null);

    /// <summary>A change of one account.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The change.</returns>
    public static StoreChange Of(UserAccount account) => new(account.WorkspaceId, account.Id);

    /// <summary>Raises the change on a signal.</summary>
    /// <param name="signal">This process's signal.</param>
    public void Raise(StoreChangeSignal signal)
    {
        if (!Notify)
        {
            return;
        }

        if (UserId is null)
        {
            signal.WorkspaceChanged(WorkspaceId);
        }
        else
        {
            signal.AccountChanged(WorkspaceId, UserId);
        }
    }
}
