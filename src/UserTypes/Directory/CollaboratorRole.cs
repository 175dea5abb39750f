namespace UserTypes;

/// <summary>What a collaborator does in a workspace, and so whether their domain makes users internal.</summary>
public enum CollaboratorRole
{
    /// <summary>Owns the workspace. Their e-mail domain makes users of that domain internal.</summary>
    Owner,

    /// <summary>Builds or administers the workspace. Their e-mail domain makes users of that domain internal.</summary>
    Collaborator,

    /// <summary>An application-level guest collaborator. Their domain never makes anyone internal.</summary>
    Guest,
}
