using System.Security.Claims;

namespace UserTypes;

/// <summary>The answer of <see cref="IUserSessions.ValidateAsync"/>.</summary>
public sealed class SessionValidation
{
    // The answers without a principal are shared, so the common case allocates nothing.
    internal static readonly SessionValidation Current = new(SessionState.Current, null);

    internal static readonly SessionValidation Ended = new(SessionState.Ended, null);

    private SessionValidation(SessionState state, ClaimsPrincipal? principal)
    {
        State = state;
        Principal = principal;
    }

    /// <summary>What the check found.</summary>
    public SessionState State { get; }

    /// <summary>The principal to sign in instead, when <see cref="State"/> is <see cref="SessionState.Renewed"/>; else <see langword="null"/>.</summary>
    public ClaimsPrincipal? Principal { get; }

    internal static SessionValidation Renewed(ClaimsPrincipal principal) => new(SessionState.Renewed, principal);
}
