using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// The default <see cref="IUserSessions"/>. An account's sessions are read once per change of the account or its
/// workspace (<see cref="SessionCache"/>) and checked with the same rules as a login (<see cref="LoginGate"/>, as a web
/// application); in between, a request costs a dictionary lookup and a few comparisons.
/// </summary>
internal sealed class UserSessions(
    IUserAccountStore users,
    IUserSessionStore sessions,
    WorkspaceLookupCache workspaces,
    RightsPolicy rights,
    LoginGate gate,
    SessionCache cache,
    IOptions<UserTypesOptions> options,
    TimeProvider time) : IUserSessions
{
    private readonly SessionOptions _options = options.Value.Sessions;

    public async Task<UserSession> StartAsync(AuthenticatedUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsImplicitAnonymous)
        {
            throw new ArgumentException("The implicit anonymous user stands in for calls without credentials and has no session.", nameof(user));
        }

        if (!user.ProvenByCredentials)
        {
            // A user read back from a cookie (FromPrincipal) could otherwise mint session after session, each with a new
            // absolute end, and outlive AbsoluteLifetime for ever.
            throw new ArgumentException("A session starts only for a user IAuthenticator.AuthenticateAsync has just returned.", nameof(user));
        }

        if (user.UserType == UserType.Anonymous)
        {
            // The anonymous account is what every call without credentials acts as: a session of it is nothing a
            // request without a cookie lacks, and since anyone who knows its password could sign it in, its sessions
            // would push each other out of MaxPerAccount.
            throw new AuthenticationFailedException(AuthenticationFailureReason.ClientNotAllowed);
        }

        // Read again: the account may have changed since the password was verified, and the session's claims must be
        // those of the version they name.
        var entry = await ReadAsync(user.WorkspaceId, user.UserId, cancellationToken).ConfigureAwait(false);
        ThrowIfRefused(entry, user.SecurityStamp);
        var now = time.GetUtcNow();
        return await AddAsync(entry, now + _options.AbsoluteLifetime, now, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<SessionValidation> ValidateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (!SessionClaims.TryRead(principal, out var claims))
        {
            return ValueTask.FromResult(SessionValidation.Ended);
        }

        var now = time.GetUtcNow();
        // A cached account that may not sign in needs no second look; a session the cache does not know may have been
        // started since it was read, on any instance, so only the store can say it is not there (once: it is then
        // remembered as ended).
        if (cache.TryGet(claims.WorkspaceId, claims.UserId, now, out var entry) && (entry.User is null || entry.Sessions.ContainsKey(claims.SessionId)))
        {
            return ValueTask.FromResult(Judge(entry, claims, now));
        }

        return cache.IsEnded(claims.SessionId)
            ? ValueTask.FromResult(SessionValidation.Ended)
            : ValidateReadingAsync(claims, now, cancellationToken);
    }

    public async Task<bool> EndAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return SessionClaims.TryRead(principal, out var claims)
            && await sessions.RemoveSessionAsync(claims.WorkspaceId, claims.UserId, claims.SessionId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<UserSession> RenewAsync(ClaimsPrincipal principal, UserAccount changed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(changed);
        if (!SessionClaims.TryRead(principal, out var claims))
        {
            throw new AuthenticationFailedException(AuthenticationFailureReason.InvalidCredentials);
        }

        if (changed.WorkspaceId != claims.WorkspaceId || changed.Id != claims.UserId)
        {
            throw new ArgumentException("The account is not the one the session belongs to.", nameof(changed));
        }

        var entry = await ReadAsync(claims.WorkspaceId, claims.UserId, cancellationToken).ConfigureAwait(false);
        ThrowIfRefused(entry, changed.SecurityStamp);
        var now = time.GetUtcNow();
        if (!entry.Sessions.TryGetValue(claims.SessionId, out var expiresAt) || expiresAt <= now)
        {
            throw new AuthenticationFailedException(AuthenticationFailureReason.InvalidCredentials);
        }

        // A new id, so that the principal of the old one is dead even where it was copied; the absolute end stays. The
        // account's other sessions ended with the change: their records go too, so none of them can be carried over.
        var renewed = await AddAsync(entry, expiresAt, now, cancellationToken).ConfigureAwait(false);
        foreach (var ended in entry.Sessions.Keys)
        {
            await sessions.RemoveSessionAsync(claims.WorkspaceId, claims.UserId, ended, cancellationToken).ConfigureAwait(false);
        }

        return renewed;
    }

    private async ValueTask<SessionValidation> ValidateReadingAsync(SessionClaims claims, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = await ReadAsync(claims.WorkspaceId, claims.UserId, cancellationToken).ConfigureAwait(false);
        if (entry.User is not null && !entry.Sessions.ContainsKey(claims.SessionId))
        {
            cache.SetEnded(claims.SessionId);
        }

        return Judge(entry, claims, now);
    }

    private static SessionValidation Judge(SessionEntry entry, SessionClaims claims, DateTimeOffset now)
    {
        if (entry.User is not { } user
            || user.SecurityStamp != claims.SecurityStamp
            || !entry.Sessions.TryGetValue(claims.SessionId, out var expiresAt)
            || expiresAt <= now)
        {
            return SessionValidation.Ended;
        }

        return claims.Fingerprint == entry.Fingerprint
            ? SessionValidation.Current
            : SessionValidation.Renewed(new UserSession(claims.SessionId, user, expiresAt).ToClaimsPrincipal());
    }

    private async Task<SessionEntry> ReadAsync(string workspaceId, string userId, CancellationToken cancellationToken)
    {
        var generation = cache.GenerationOf(workspaceId, userId);
        var now = time.GetUtcNow();
        WorkspaceRecord workspace;
        try
        {
            workspace = (await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false)).Workspace;
        }
        catch (WorkspaceNotFoundException)
        {
            return Refused(generation, -1, now + AccountGenerations.MaxAge, AuthenticationFailureReason.UnknownWorkspace);
        }

        var validUntil = AccountGenerations.ValidUntil(workspace, now, AccountGenerations.MaxAge);

        var stored = await users.FindByIdAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false);
        SessionEntry entry;
        if (stored?.Account is not { } account)
        {
            entry = Refused(generation, workspace.Version, validUntil, AuthenticationFailureReason.InvalidCredentials);
        }
        else if (gate.Refusal(workspace, account, account.UserType, ClientKind.WebApplication) is { } refusal)
        {
            entry = Refused(generation, workspace.Version, validUntil, refusal);
        }
        else
        {
            var records = await sessions.FindSessionsAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false);
            var user = rights.UserOf(account);
            entry = new SessionEntry(
                generation,
                workspace.Version,
                validUntil,
                user,
                default,
                ClaimsFingerprint.Of(user.ToClaimsPrincipal().Claims),
                records.ToDictionary(session => session.Id, session => session.ExpiresAt, StringComparer.Ordinal));
        }

        cache.Set(workspaceId, userId, entry);
        return entry;
    }

    private static SessionEntry Refused(long generation, long workspaceVersion, DateTimeOffset validUntil, AuthenticationFailureReason reason) =>
        new(generation, workspaceVersion, validUntil, null, reason, string.Empty, new Dictionary<string, DateTimeOffset>());

    private static void ThrowIfRefused(SessionEntry entry, string securityStamp)
    {
        if (entry.User is null)
        {
            throw new AuthenticationFailedException(entry.Refusal);
        }

        if (entry.User.SecurityStamp != securityStamp)
        {
            throw new AuthenticationFailedException(AuthenticationFailureReason.InvalidCredentials);
        }
    }

    private async Task<UserSession> AddAsync(SessionEntry entry, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var user = entry.User!;
        // 128 random bits, as a stamp is.
        var session = new StoredSession(user.WorkspaceId, user.UserId, UserAccount.NewSecurityStamp(), now, expiresAt);
        await sessions.AddSessionAsync(session, _options.MaxPerAccount, cancellationToken).ConfigureAwait(false);
        return new UserSession(session.Id, user, expiresAt);
    }
}
