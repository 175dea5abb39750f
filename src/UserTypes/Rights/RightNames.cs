namespace UserTypes;

/// <summary>The one check and comparer of entity and functional right names.</summary>
internal static class RightNames
{
    /// <summary>The entity name that stands for every entity.</summary>
    public const string EveryEntity = "*";

    /// <summary>The most characters a name may have.</summary>
    public const int MaxLength = 100;

    /// <summary>How names compare: case-insensitive, ordinal, independent of culture.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>Describes what is wrong with a name, or returns <see langword="null"/> when it is usable.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public static string? Check(string? name) => name switch
    {
        null => "a name is null.",
        { Length: 0 } => "a name is empty.",
        { Length: > MaxLength } => $"'{name[..20]}...' is longer than {MaxLength} characters.",
        _ when name.AsSpan().IndexOfAnyInRange('\0', ' ') >= 0 || name.AsSpan().Contains('\u007f') =>
            $"'{name}' contains white space or a control character.",
        _ => null,
    };

    /// <summary>Throws unless every name in <paramref name="grant"/> is usable and no data right is outside <see cref="DataRights.All"/>.</summary>
    /// <param name="grant">The grant.</param>
    /// <param name="paramName">The caller's parameter name.</param>
    /// <exception cref="ArgumentException">A name or a data right is invalid.</exception>
    public static void ThrowIfInvalid(RightsGrant grant, string paramName)
    {
        ArgumentNullException.ThrowIfNull(grant, paramName);
        var error = Describe(grant);
        if (error is not null)
        {
            throw new ArgumentException($"The grant is not valid: {error}", paramName);
        }
    }

    /// <summary>Describes what is wrong with a grant, or returns <see langword="null"/> when it is valid.</summary>
    /// <param name="grant">The grant.</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public static string? Describe(RightsGrant grant)
    {
        if (grant.FunctionalRights is null || grant.DataRights is null)
        {
            return "its sets must not be null.";
        }

        foreach (var right in grant.FunctionalRights)
        {
            if (Check(right) is { } error)
            {
                return "functional right: " + error;
            }
        }

        foreach (var (entity, rights) in grant.DataRights)
        {
            if (Check(entity) is { } error)
            {
                return "entity: " + error;
            }

            if ((rights & ~DataRights.All) != 0)
            {
                return $"the data rights on '{entity}' ({(int)rights}) are not a combination of View, Create, Edit and Delete.";
            }
        }

        return null;
    }
}
