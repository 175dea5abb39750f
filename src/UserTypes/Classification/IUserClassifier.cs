namespace UserTypes;

/// <summary>Decides whether an e-mail address belongs to an internal or an external user of a workspace.</summary>
public interface IUserClassifier
{
    /// <summary>
    /// Classifies <paramref name="email"/> in <paramref name="workspaceId"/>: internal when its domain equals the
    /// domain of an owner or collaborator (never a guest, never a public mail provider), or matches a signup
    /// domain; external otherwise.
    /// </summary>
    /// <param name="workspaceId">The workspace whose collaborators and signup domains decide.</param>
    /// <param name="email">A plain address (<c>local@domain</c>); international domains are accepted.</param>
    /// <param name="cancellationToken">Cancels loading the workspace when it is not cached yet.</param>
    /// <returns>The type, the rule that decided it and the domain that matched.</returns>
    /// <exception cref="ArgumentException"><paramref name="workspaceId"/> is empty or <paramref name="email"/> is not a valid address.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="workspaceId"/> or <paramref name="email"/> is <see langword="null"/>.</exception>
    /// <exception cref="WorkspaceNotFoundException">No workspace has that id.</exception>
    ValueTask<UserClassification> ClassifyAsync(string workspaceId, string email, CancellationToken cancellationToken = default);
}
