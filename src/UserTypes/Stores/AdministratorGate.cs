namespace UserTypes.Stores;

/// <summary>
/// The last-administrator rule, in one place for every store: a write that makes an account stop being an enabled
/// administrator (<see cref="StoredUser.IsEnabledAdministrator"/>), by disabling, deleting or demoting it, is refused
/// with <see cref="UserStoreResult.LastAdministrator"/> when no other enabled administrator of the workspace remains.
/// The store counts the others in the same atomic operation as the write.
/// </summary>
public static class AdministratorGate
{
    /// <summary>Whether a write takes an enabled administrator away, so the others must be counted.</summary>
    /// <param name="previous">The account before the write.</param>
    /// <param name="next">The account after it, or <see langword="null"/> when the write deletes it.</param>
    /// <returns>Whether the write removes an enabled administrator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="previous"/> is <see langword="null"/>.</exception>
    public static bool Removes(StoredUser previous, StoredUser? next)
    {
        ArgumentNullException.ThrowIfNull(previous);
        return previous.IsEnabledAdministrator && next?.IsEnabledAdministrator != true;
    }
}
