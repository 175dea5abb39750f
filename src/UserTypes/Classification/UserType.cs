namespace UserTypes;

/// <summary>The three kinds of user a workspace knows.</summary>
public enum UserType
{
    /// <summary>
    /// A member of the organisation that owns the workspace: the e-mail domain matches an owner's or a
    /// collaborator's, or a whitelisted signup domain, or the host created the account as internal.
    /// </summary>
    Internal,

    /// <summary>A partner or customer: any account that is not internal and not the anonymous account.</summary>
    External,

    /// <summary>The workspace's one anonymous account, used for calls made without credentials.</summary>
    Anonymous,
}
