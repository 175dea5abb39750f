namespace UserTypes.Stores;

/// <summary>
/// Reads and writes accounts: what the user directory needs to create, change and find them. Each call is atomic;
/// the seat gate (<see cref="SeatGate"/>), user-name uniqueness and address uniqueness (per workspace, among accounts
/// that have an address) are enforced by the store in the same operation as the write, never by the caller checking
/// first.
/// </summary>
/// <remarks>
/// Values reach a store already validated and canonical. Every committed write raises <see cref="StoreChangeSignal"/>
/// for what it changed. Every implementation must pass the store specification (package
/// <c>UserTypes.Specification.Tests</c>).
/// </remarks>
public interface IUserAccountStore
{
    /// <summary>
    /// Adds an account, if its user name and address are free and, when it takes a seat, <see cref="SeatGate"/> admits it.
    /// </summary>
    /// <param name="user">The new account at version 1.</param>
    /// <param name="seatLimit">The limit for the account's seat type; <see langword="null"/> is unlimited.</param>
    /// <param name="consumedTokenId">A usable token (<see cref="IAccountTokenStore"/>) the write uses up in the same atomic step, or <see langword="null"/>.</param>
    /// <param name="audit">The entries that record the change, written in the same atomic step only if it is made.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see cref="UserStoreResult.Succeeded"/>, <see cref="UserStoreResult.UserNameTaken"/> (checked first),
    /// <see cref="UserStoreResult.EmailTaken"/>, <see cref="UserStoreResult.SeatLimitReached"/>, or
    /// <see cref="UserStoreResult.Conflict"/> when the id exists, or <see cref="UserStoreResult.TokenUsed"/>.
    /// </returns>
    Task<UserStoreResult> CreateAsync(StoredUser user, int? seatLimit, string? consumedTokenId, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an account if it is still at <paramref name="expectedVersion"/>. When the new state takes a seat the
    /// old one did not, <see cref="SeatGate"/> applies as in <see cref="CreateAsync"/>; when it stops being an enabled
    /// administrator, another enabled administrator of the workspace must remain.
    /// </summary>
    /// <param name="user">The account's new state, at <paramref name="expectedVersion"/> + 1.</param>
    /// <param name="expectedVersion">The version the change was computed from.</param>
    /// <param name="seatLimit">The limit for the account's seat type; <see langword="null"/> is unlimited.</param>
    /// <param name="consumedTokenId">A usable token the write uses up in the same atomic step, or <see langword="null"/>.</param>
    /// <param name="audit">The entries that record the change, written in the same atomic step only if it is made.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Any <see cref="UserStoreResult"/>; <see cref="UserStoreResult.Conflict"/> when missing or at another version.</returns>
    Task<UserStoreResult> UpdateAsync(StoredUser user, long expectedVersion, int? seatLimit, string? consumedTokenId, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);

    /// <summary>
    /// Removes an account, if it is still at <paramref name="expectedVersion"/> and is not the workspace's last enabled
    /// administrator. Its seat, user name and address are free at once; nothing of it is kept.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="expectedVersion">The version the decision to delete was made on.</param>
    /// <param name="audit">The entries that record the change, written in the same atomic step only if it is made.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see cref="UserStoreResult.Succeeded"/>, <see cref="UserStoreResult.LastAdministrator"/>, or
    /// <see cref="UserStoreResult.Conflict"/> when missing or at another version.
    /// </returns>
    Task<UserStoreResult> DeleteAsync(string workspaceId, string userId, long expectedVersion, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="user"/> the workspace's one anonymous account, replacing the one there, as a compare-and-swap:
    /// the workspace's anonymous account must be this very account (same id) one version below
    /// <paramref name="user"/>, or, when it has none, <paramref name="user"/> must be at version 1. So two hosts setting
    /// the account at once never replace each other's unseen, and the entries always describe what was replaced.
    /// </summary>
    /// <param name="user">The anonymous account.</param>
    /// <param name="audit">The entries that record the change, written in the same atomic step only if it is made.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see cref="UserStoreResult.Succeeded"/>, <see cref="UserStoreResult.UserNameTaken"/> (by a non-anonymous account),
    /// or <see cref="UserStoreResult.Conflict"/> when the anonymous account there is not the one expected (nothing changes).
    /// </returns>
    Task<UserStoreResult> SetAnonymousAsync(StoredUser user, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);

    /// <summary>Reads an account by id.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    Task<StoredUser?> FindByIdAsync(string workspaceId, string userId, CancellationToken cancellationToken);

    /// <summary>Reads an account by its canonical e-mail address.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="email">The canonical address (as <see cref="UserAccount.Email"/> holds it).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    Task<StoredUser?> FindByEmailAsync(string workspaceId, string email, CancellationToken cancellationToken);

    /// <summary>Reads an account by its normalised user name (<see cref="UserAccount.NormalizeUserName"/>).</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="normalizedUserName">The normalised user name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    Task<StoredUser?> FindByUserNameAsync(string workspaceId, string normalizedUserName, CancellationToken cancellationToken);

    /// <summary>Reads one page of a workspace's accounts; see <see cref="UserListFilter"/>.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="filter">The filters, the position and the page's size.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>At most <see cref="UserListFilter.Limit"/> accounts, in order.</returns>
    Task<IReadOnlyList<StoredUser>> ListAsync(string workspaceId, UserListFilter filter, CancellationToken cancellationToken);

    /// <summary>Reads the workspace's anonymous account.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account, or <see langword="null"/> if the workspace has none.</returns>
    Task<StoredUser?> FindAnonymousAsync(string workspaceId, CancellationToken cancellationToken);
}
