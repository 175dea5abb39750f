namespace UserTypes;

/// <summary>
/// The base of every refusal UserTypes makes for a domain reason: a failed authentication, a missing licence,
/// a full seat limit, a missing right. Catch it to handle all of them at once; each sealed subclass carries
/// the data that explains its refusal.
/// </summary>
/// <remarks>Messages are written for the person reading the log and never contain a secret.</remarks>
public abstract class UserTypesException : Exception
{
    /// <summary>Creates the exception with a message for the log.</summary>
    /// <param name="message">What was refused and why.</param>
    private protected UserTypesException(string message)
        : base(message)
    {
    }
}
