namespace UserTypes;

/// <summary>
/// Says who is behind a trusted host call (<see cref="IUserDirectory.CreateInternalUserAsync"/>,
/// <see cref="IUserDirectory.SetEnabledAsync"/>, <see cref="IWorkspaceDirectory"/>, ...), for the audit trail's
/// <see cref="AuditEntry.ActorUserId"/>. Register one as a singleton; without one, trusted calls are recorded with no
/// actor. <c>UserTypes.AspNetCore</c> registers one that reads the request's user (a host's own, registered before or
/// after, wins).
/// </summary>
public interface IAuditActorAccessor
{
    /// <summary>The id of the account making the current call, or <see langword="null"/>.</summary>
    string? ActorUserId { get; }

    /// <summary>
    /// The actor to record for a change of <paramref name="workspaceId"/>: by default <see cref="ActorUserId"/>. An
    /// accessor that knows its actor's workspace answers <see langword="null"/> for another one, so that a user of one
    /// workspace never appears in another's trail.
    /// </summary>
    /// <param name="workspaceId">The workspace the change is made to.</param>
    /// <returns>The actor's id, or <see langword="null"/>.</returns>
    string? ActorUserIdIn(string workspaceId) => ActorUserId;
}
