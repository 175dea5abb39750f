namespace UserTypes;

/// <summary>How an account's <see cref="UserType"/> was decided, and so whether reclassification may change it.</summary>
public enum UserTypeSource
{
    /// <summary>Signed up: the type follows the classification of the e-mail address as the workspace changes.</summary>
    Classified,

    /// <summary>Created as internal, external or anonymous by the host: the type is fixed.</summary>
    Assigned,
}
