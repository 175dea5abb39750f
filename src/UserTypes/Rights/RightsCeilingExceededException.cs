namespace UserTypes;

/// <summary>A grant would give an account more than its user type can ever hold. Nothing was changed.</summary>
public sealed class RightsCeilingExceededException : UserTypesException
{
    internal RightsCeilingExceededException(UserType userType, string excess)
        : base($"{userType} users cannot hold {excess}; the grant was refused.")
    {
        UserType = userType;
    }

    /// <summary>The user type whose ceiling was exceeded.</summary>
    public UserType UserType { get; }
}
