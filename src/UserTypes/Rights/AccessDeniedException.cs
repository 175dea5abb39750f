namespace UserTypes;

/// <summary>
/// The acting user may not do what was asked: they are not an enabled internal user of the workspace, or lack the
/// functional right. Nothing was changed.
/// </summary>
public sealed class AccessDeniedException : UserTypesException
{
    internal AccessDeniedException(string? requiredRight, string reason)
        : base(requiredRight is null ? $"Access denied: {reason}" : $"Access denied: the functional right '{requiredRight}' is required; {reason}")
    {
        RequiredRight = requiredRight;
    }

    /// <summary>The functional right the action needs, when one does.</summary>
    public string? RequiredRight { get; }
}
