namespace UserTypes;

/// <summary>Why <see cref="IUserClassifier"/> gave the type it gave.</summary>
public enum ClassificationReason
{
    /// <summary>The e-mail domain equals the domain of an owner or a (non-guest) collaborator of the workspace.</summary>
    CollaboratorDomain,

    /// <summary>The e-mail domain is, or lies under, a whitelisted signup domain of the workspace.</summary>
    SignupDomain,

    /// <summary>Neither rule matched, so the user is external.</summary>
    NoMatch,
}
