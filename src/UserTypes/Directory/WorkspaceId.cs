namespace UserTypes;

/// <summary>The one check of a workspace id, shared by every public method that takes one.</summary>
internal static class WorkspaceId
{
    /// <summary>The most characters a workspace id may have.</summary>
    public const int MaxLength = 128;

    /// <summary>Throws unless <paramref name="workspaceId"/> is a usable id.</summary>
    /// <param name="workspaceId">The id to check.</param>
    /// <param name="paramName">The caller's parameter name.</param>
    /// <exception cref="ArgumentNullException">The id is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The id is empty, white space, too long or has control characters.</exception>
    public static void ThrowIfInvalid(string? workspaceId, string paramName = "workspaceId")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workspaceId, paramName);
        if (workspaceId.Length > MaxLength)
        {
            throw new ArgumentException($"A workspace id has at most {MaxLength} characters (was {workspaceId.Length}).", paramName);
        }

        if (workspaceId.AsSpan().ContainsAnyInRange('\0', '\u001f'))
        {
            throw new ArgumentException("A workspace id must not contain control characters.", paramName);
        }
    }
}
