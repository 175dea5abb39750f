namespace UserTypes;

/// <summary>A workspace collaborator.</summary>
/// <param name="Email">The canonical e-mail address (see the README on canonical addresses).</param>
/// <param name="Role">What the collaborator does in the workspace.</param>
public sealed record Collaborator(string Email, CollaboratorRole Role);
