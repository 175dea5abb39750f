namespace UserTypes.Tests;

/// <summary>A login's outcome as a value, for tests that compare many of them.</summary>
internal static class LoginOutcome
{
    /// <summary>Logs in with a password: <see langword="null"/> when it succeeds, else the failure's reason.</summary>
    public static async Task<AuthenticationFailureReason?> OfAsync(IAuthenticator authenticator, string workspaceId, string userName, string password)
    {
        try
        {
            await authenticator.AuthenticateAsync(workspaceId, new PasswordCredentials(userName, password), ClientKind.WebApplication);
            return null;
        }
        catch (AuthenticationFailedException e)
        {
            return e.Reason;
        }
    }
}
