namespace UserTypes.AspNetCore;

/// <summary>
/// What a host can hook into while the UserTypes scheme authenticates a request, like <c>JwtBearerEvents</c>: set a
/// delegate, or derive and override, and register the derived type as <c>EventsType</c>.
/// </summary>
public class UserTypesAuthenticationEvents
{
    /// <summary>Before the credentials are checked; the handler may change the workspace or decide the result itself.</summary>
    public Func<UserTypesAuthenticatingContext, Task> OnAuthenticating { get; set; } = _ => Task.CompletedTask;

    /// <summary>After the caller was authenticated; the handler may change the principal or refuse the result.</summary>
    public Func<UserTypesAuthenticatedContext, Task> OnAuthenticated { get; set; } = _ => Task.CompletedTask;

    /// <summary>After authentication failed; <see cref="UserTypesAuthenticationFailedContext.Reason"/> says why (for logs only).</summary>
    public Func<UserTypesAuthenticationFailedContext, Task> OnAuthenticationFailed { get; set; } = _ => Task.CompletedTask;

    /// <summary>Before the 401 challenge is written; call <see cref="UserTypesChallengeContext.HandleResponse"/> to write your own.</summary>
    public Func<UserTypesChallengeContext, Task> OnChallenge { get; set; } = _ => Task.CompletedTask;

    /// <summary>Invokes <see cref="OnAuthenticating"/>.</summary>
    /// <param name="context">The context.</param>
    /// <returns>A task that completes when the handler has run.</returns>
    public virtual Task AuthenticatingAsync(UserTypesAuthenticatingContext context) => OnAuthenticating(context);

    /// <summary>Invokes <see cref="OnAuthenticated"/>.</summary>
    /// <param name="context">The context.</param>
    /// <returns>A task that completes when the handler has run.</returns>
    public virtual Task AuthenticatedAsync(UserTypesAuthenticatedContext context) => OnAuthenticated(context);

    /// <summary>Invokes <see cref="OnAuthenticationFailed"/>.</summary>
    /// <param name="context">The context.</param>
    /// <returns>A task that completes when the handler has run.</returns>
    public virtual Task AuthenticationFailedAsync(UserTypesAuthenticationFailedContext context) => OnAuthenticationFailed(context);

    /// <summary>Invokes <see cref="OnChallenge"/>.</summary>
    /// <param name="context">The context.</param>
    /// <returns>A task that completes when the handler has run.</returns>
    public virtual Task ChallengeAsync(UserTypesChallengeContext context) => OnChallenge(context);
}
