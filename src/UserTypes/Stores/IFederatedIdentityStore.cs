namespace UserTypes.Stores;

/// <summary>
/// Keeps which federated identities sign in to which accounts. An identity is linked to one account at most (a unique
/// key on workspace, issuer and subject); an account's links go with the account when it is deleted. Links are read on
/// every federated sign-in and cached nowhere, so writing one signals nothing.
/// </summary>
public interface IFederatedIdentityStore
{
    /// <summary>Finds the account an identity is linked to.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="issuer">The identity's issuer.</param>
    /// <param name="subject">The identity's subject.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account's id, or <see langword="null"/> when the identity is linked to none.</returns>
    Task<string?> FindIdentityAsync(string workspaceId, string issuer, string subject, CancellationToken cancellationToken);

    /// <summary>Reads the identities linked to one account, oldest first.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The links; empty when there are none.</returns>
    Task<IReadOnlyList<StoredIdentityLink>> ListIdentitiesAsync(string workspaceId, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates an account and links an identity to it in one atomic step, with <paramref name="audit"/>, as
    /// <see cref="IUserAccountStore.CreateAsync"/> does (the same unique keys and seat gate); nothing is written unless
    /// both are. Signals the account changed.
    /// </summary>
    /// <param name="user">The new account, at version 1.</param>
    /// <param name="link">The identity, naming the new account.</param>
    /// <param name="seatLimit">The most enabled accounts of the new account's type, or <see langword="null"/> for no limit.</param>
    /// <param name="audit">The entries that record the change, written in the same atomic step only if it is made.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see cref="UserStoreResult.Succeeded"/>; or <see cref="UserStoreResult.IdentityTaken"/>,
    /// <see cref="UserStoreResult.UserNameTaken"/>, <see cref="UserStoreResult.EmailTaken"/>,
    /// <see cref="UserStoreResult.SeatLimitReached"/> or <see cref="UserStoreResult.Conflict"/> (the id is taken), and
    /// nothing changed.
    /// </returns>
    Task<UserStoreResult> CreateLinkedAsync(StoredUser user, StoredIdentityLink link, int? seatLimit, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);

    /// <summary>
    /// Links an identity to an existing account in one atomic step, with <paramref name="audit"/>, if the account still
    /// has <paramref name="securityStamp"/> and is enabled. Linking it to the account it is linked to already succeeds
    /// and writes nothing.
    /// </summary>
    /// <param name="link">The identity and the account.</param>
    /// <param name="securityStamp">The stamp the account had when the person proved they hold it.</param>
    /// <param name="audit">The entries that record the link, written in the same atomic step only if it is made.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see cref="UserStoreResult.Succeeded"/>; or <see cref="UserStoreResult.IdentityTaken"/> (linked to another account)
    /// or <see cref="UserStoreResult.Conflict"/> (the account is gone, disabled or has another stamp), and nothing changed.
    /// </returns>
    Task<UserStoreResult> LinkIdentityAsync(StoredIdentityLink link, string securityStamp, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the link of an identity to an account in one atomic step, with <paramref name="audit"/>, unless it is the
    /// last way an account without a password can sign in.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="issuer">The identity's issuer.</param>
    /// <param name="subject">The identity's subject.</param>
    /// <param name="audit">The entries that record the removal, written in the same atomic step only if it is made.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see cref="UserStoreResult.Succeeded"/>; or <see cref="UserStoreResult.Conflict"/> (no such link on that account)
    /// or <see cref="UserStoreResult.LastSignInMethod"/>, and nothing changed.
    /// </returns>
    Task<UserStoreResult> UnlinkIdentityAsync(string workspaceId, string userId, string issuer, string subject, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);
}
