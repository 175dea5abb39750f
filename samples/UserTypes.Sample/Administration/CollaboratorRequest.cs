namespace UserTypes.Sample.Administration;

/// <summary>The body that adds a collaborator to the workspace (or gives one another role).</summary>
internal sealed record CollaboratorRequest(string Email, CollaboratorRole Role);
