namespace UserTypes.Stores;

/// <summary>What a <see cref="StoreChangeSignal.Changed"/> event says changed.</summary>
public sealed class StoreChangedEventArgs : EventArgs
{
    internal StoreChangedEventArgs(string? workspaceId, string? userId)
    {
        WorkspaceId = workspaceId;
        UserId = userId;
    }

    /// <summary>The workspace that changed, or <see langword="null"/> when anything may have changed.</summary>
    public string? WorkspaceId { get; }

    /// <summary>The one account that changed, or <see langword="null"/> when the workspace itself (or any of its accounts) did.</summary>
    public string? UserId { get; }

    /// <summary>Whether anything at all may have changed.</summary>
    public bool IsEverything => WorkspaceId is null;

    internal static StoreChangedEventArgs Everything { get; } = new(null, null);
}
