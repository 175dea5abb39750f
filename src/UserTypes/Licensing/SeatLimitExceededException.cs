namespace UserTypes;

/// <summary>Every seat of a user type is taken; the account was not created or enabled.</summary>
public sealed class SeatLimitExceededException : UserTypesException
{
    internal SeatLimitExceededException(string workspaceId, UserType userType, int limit)
        : base($"Workspace '{workspaceId}' has no free {userType.ToString().ToLowerInvariant()} seat: its licence allows {limit} enabled {userType.ToString().ToLowerInvariant()} users.")
    {
        UserType = userType;
        Limit = limit;
    }

    /// <summary>The user type whose seats are all taken.</summary>
    public UserType UserType { get; }

    /// <summary>The licence's limit for that type.</summary>
    public int Limit { get; }
}
