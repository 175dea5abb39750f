namespace UserTypes;

/// <summary>What a session check found.</summary>
public enum SessionState
{
    /// <summary>Nothing changed: the principal stands as it is.</summary>
    Current,

    /// <summary>The account gained something (a grant): the session goes on with <see cref="SessionValidation.Principal"/>, to be signed in again.</summary>
    Renewed,

    /// <summary>The session is over: logged out, past its absolute end, or its account changed in a way that takes access away.</summary>
    Ended,
}
