using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// The default <see cref="IAuthenticator"/>. Every attempt with a password costs exactly one reservation in the
/// lockout store and one BCrypt verification, whether the user exists or not (<see cref="PasswordAttempts"/>), and
/// every reason that depends on the account is only given once the password was verified, so neither timing nor the
/// reason tells a guesser anything.
/// </summary>
internal sealed partial class Authenticator : IAuthenticator
{
    private readonly IUserAccountStore _users;
    private readonly PasswordAttempts _attempts;
    private readonly WorkspaceLookupCache _workspaces;
    private readonly RightsPolicy _rights;
    private readonly LoginGate _gate;
    private readonly PasswordPolicy _passwords;
    private readonly PasswordHasher _hasher;
    private readonly ImplicitAnonymousCache _anonymous;
    private readonly UserTypesMetrics _metrics;
    private readonly VerifiedPasswordCache _verified;
    private readonly IApiKeyStore _keys;
    private readonly ApiKeyCache _keyCache;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly UserTypesOptions _options;

    public Authenticator(
        IUserAccountStore users,
        PasswordAttempts attempts,
        WorkspaceLookupCache workspaces,
        RightsPolicy rights,
        LoginGate gate,
        PasswordPolicy passwords,
        PasswordHasher hasher,
        ImplicitAnonymousCache anonymous,
        UserTypesMetrics metrics,
        VerifiedPasswordCache verified,
        IApiKeyStore keys,
        ApiKeyCache keyCache,
        TimeProvider time,
        IOptions<UserTypesOptions> options,
        ILogger<Authenticator>? logger = null)
    {
        (_users, _attempts, _workspaces, _rights, _gate, _passwords, _hasher, _anonymous, _metrics) =
            (users, attempts, workspaces, rights, gate, passwords, hasher, anonymous, metrics);
        (_verified, _keys, _keyCache, _time) = (verified, keys, keyCache, time);
        _logger = logger ?? NullLogger<Authenticator>.Instance;
        _options = options.Value;
    }

    public async Task<AuthenticatedUser> AuthenticateAsync(string workspaceId, PasswordCredentials? credentials, ClientKind client, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        if (credentials is not null && (credentials.UserName is null || credentials.Password is null))
        {
            throw new ArgumentException("The credentials' user name and password must not be null.", nameof(credentials));
        }

        if (credentials is null && !_options.AnonymousUsers.AllowImplicit)
        {
            // Decided before the workspace is looked up, so the answer's time says nothing about which workspaces exist.
            throw Fail(workspaceId, null, AuthenticationFailureReason.AnonymousAccessNotAllowed, UserType.Anonymous, client);
        }

        var lookup = await FindWorkspaceAsync(workspaceId, credentials, client, cancellationToken).ConfigureAwait(false);
        var user = credentials is null
            ? await AuthenticateImplicitAsync(lookup.Workspace, client, cancellationToken).ConfigureAwait(false)
            : await AuthenticatePasswordAsync(lookup.Workspace, credentials, client, cancellationToken).ConfigureAwait(false);
        return Succeeded(workspaceId, user, client);
    }

    private AuthenticatedUser Succeeded(string workspaceId, AuthenticatedUser user, ClientKind client)
    {
        _metrics.Authenticated(user.UserType, client, user.IsImplicitAnonymous);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            // A user name chosen at invitation may hold characters that disguise a line, as may a host's workspace id.
            LogSucceeded(_logger, LogText.Of(workspaceId)!, LogText.Of(user.UserName)!, user.UserType, client, user.IsImplicitAnonymous);
        }

        return user;
    }

    // An unknown workspace fails like a wrong password, hash included, so neither the answer nor its time says which
    // workspaces exist.
    private async ValueTask<WorkspaceLookup> FindWorkspaceAsync(string workspaceId, PasswordCredentials? credentials, ClientKind client, CancellationToken cancellationToken)
    {
        try
        {
            return await _workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkspaceNotFoundException)
        {
            if (credentials is not null && _passwords.CouldVerify(credentials.Password) && IsPlausibleUserName(credentials.UserName))
            {
                await _hasher.VerifyDummyAsync(credentials.Password, cancellationToken).ConfigureAwait(false);
            }

            throw Fail(workspaceId, credentials?.UserName, AuthenticationFailureReason.UnknownWorkspace, null, client);
        }
    }

    private async Task<AuthenticatedUser> AuthenticateImplicitAsync(WorkspaceRecord workspace, ClientKind client, CancellationToken cancellationToken)
    {
        // Checked on every call, cached or not: the licence may expire and the client differs per call.
        ThrowIfNotAllowed(workspace, null, UserType.Anonymous, client);
        if (_anonymous.TryGet(workspace, out var cached))
        {
            return cached;
        }

        var generation = _anonymous.GenerationOf(workspace.Id);
        var stored = await _users.FindAnonymousAsync(workspace.Id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            throw Fail(workspace.Id, null, AuthenticationFailureReason.AnonymousAccessNotAllowed, UserType.Anonymous, client);
        }

        if (!stored.Account.Enabled)
        {
            throw Fail(workspace.Id, stored.Account.UserName, AuthenticationFailureReason.AccountDisabled, UserType.Anonymous, client);
        }

        var user = new AuthenticatedUser(stored.Account, _rights.Evaluate(UserType.Anonymous, stored.Account.Rights), isImplicitAnonymous: true);
        _anonymous.Set(workspace, generation, user);
        return user;
    }

    private async Task<AuthenticatedUser> AuthenticatePasswordAsync(WorkspaceRecord workspace, PasswordCredentials credentials, ClientKind client, CancellationToken cancellationToken)
    {
        var userName = credentials.UserName;

        // A password no account can have is refused before any hashing: this depends on the input alone.
        if (!_passwords.CouldVerify(credentials.Password) || !IsPlausibleUserName(userName))
        {
            throw Fail(workspace.Id, userName, AuthenticationFailureReason.InvalidCredentials, null, client);
        }

        var normalizedUserName = UserAccount.NormalizeUserName(userName);
        if (client != ClientKind.ServiceAgent || !_verified.Enabled)
        {
            return await VerifyPasswordAsync(workspace, credentials, normalizedUserName, client, remember: false, cancellationToken).ConfigureAwait(false);
        }

        if (_verified.TryGet(workspace.Id, normalizedUserName, credentials.Password, _time.GetUtcNow(), out var remembered))
        {
            return remembered;
        }

        // An agent's parallel calls that miss together share one verification: each would otherwise be counted as a
        // failure until it succeeds, and a burst wider than the lockout limit would lock its own account.
        return await _verified.VerifyOnceAsync(
            workspace.Id,
            normalizedUserName,
            credentials.Password,
            () => VerifyPasswordAsync(workspace, credentials, normalizedUserName, client, remember: true, CancellationToken.None),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<AuthenticatedUser> VerifyPasswordAsync(
        WorkspaceRecord workspace, PasswordCredentials credentials, string normalizedUserName, ClientKind client, bool remember, CancellationToken cancellationToken)
    {
        var userName = credentials.UserName;
        // The hashing slot before the account is read, so that a flood the gate turns away costs no store work; it is
        // given back before the rehash, which takes a slot of its own.
        StoredUser? stored;
        PasswordAttempt attempt;
        using (await _hasher.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            stored = await _users.FindByUserNameAsync(workspace.Id, normalizedUserName, cancellationToken).ConfigureAwait(false);
            attempt = await _attempts.CheckInSlotAsync(workspace.Id, normalizedUserName, stored, credentials.Password, cancellationToken).ConfigureAwait(false);
        }

        if (!attempt.Verified)
        {
            var reason = attempt.LockedOut ? AuthenticationFailureReason.LockedOut : AuthenticationFailureReason.InvalidCredentials;
            throw Fail(workspace.Id, userName, reason, stored?.Account.UserType, client);
        }

        // Only a login that is accepted in full is released: a right password for an account that may not log in from
        // here stays counted, so that nothing about it differs from a wrong one.
        var account = stored!.Account;
        ThrowIfNotAllowed(workspace, account, account.UserType, client);
        await _attempts.SucceededAsync(workspace.Id, attempt).ConfigureAwait(false);
        if (attempt.Verification == PasswordVerification.SucceededRehashNeeded)
        {
            await RehashAsync(stored, credentials.Password).ConfigureAwait(false);
        }

        if (remember)
        {
            await RememberAsync(workspace, normalizedUserName, credentials.Password, stored).ConfigureAwait(false);
        }

        return _rights.UserOf(account, provenByCredentials: true);
    }

    // The account is read back after its generation, so a change that raced with the login (a new password, a disabled
    // account) either shows in what is remembered or moves the generation past it. Best effort: the login stands, and
    // without an entry the next call simply pays BCrypt again.
    private async Task RememberAsync(WorkspaceRecord workspace, string normalizedUserName, string password, StoredUser verified)
    {
        try
        {
            var generation = _verified.GenerationOf(workspace.Id, verified.Account.Id);
            var current = await _users.FindByIdAsync(workspace.Id, verified.Account.Id, CancellationToken.None).ConfigureAwait(false);
            // A lock that landed while this login verified is no change the signal has yet dropped an entry for: it is
            // read here, and a locked account's password is never remembered.
            if (current?.Account is { } account
                && !(account.LockoutEnd > _time.GetUtcNow())
                && account.SecurityStamp == verified.Account.SecurityStamp
                && UserAccount.NormalizeUserName(account.UserName) == normalizedUserName
                && _gate.Refusal(workspace, account, account.UserType, ClientKind.ServiceAgent) is null)
            {
                var user = _rights.UserOf(account, provenByCredentials: true);
                _verified.Set(workspace.Id, normalizedUserName, password, generation, workspace, _time.GetUtcNow(), user);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotRemembered(_logger, LogText.Of(workspace.Id)!, verified.Account.Id, exception);
        }
    }

    // A new hash at today's work factor and format, written only over the hash it was verified against: a password
    // changed or reset meanwhile is never overwritten with the old one. Best effort: the next login tries again.
    private async Task RehashAsync(StoredUser stored, string password)
    {
        try
        {
            var hash = await _hasher.HashAsync(password, CancellationToken.None).ConfigureAwait(false);
            var rehashed = stored with { PasswordHash = hash, Account = stored.Account with { Version = stored.Account.Version + 1 } };
            // The same password under a stronger hash is no change an audit records.
            await _users.UpdateAsync(rehashed, stored.Account.Version, seatLimit: null, consumedTokenId: null, audit: [], CancellationToken.None).ConfigureAwait(false);
        }
        catch (HashingBusyException)
        {
            // The login stands; a busy gate only puts the rehash off to a quieter login.
        }
        catch (Exception exception) when (exception is not UserTypesException)
        {
            LogRehashFailed(_logger, LogText.Of(stored.Account.WorkspaceId)!, stored.Account.Id, exception);
        }
    }

    // Everything that decides whether a known, verified user may log in from here; account is null for the
    // implicit anonymous check, which looks at the account itself afterwards.
    private void ThrowIfNotAllowed(WorkspaceRecord workspace, UserAccount? account, UserType type, ClientKind client)
    {
        if (_gate.Refusal(workspace, account, type, client) is { } refused)
        {
            throw Fail(workspace.Id, account?.UserName, refused, type, client);
        }
    }

    private static bool IsPlausibleUserName(string userName) =>
        userName.Length is > 0 and <= UserName.MaxLength;

    private AuthenticationFailedException Fail(string workspaceId, string? userName, AuthenticationFailureReason reason, UserType? type, ClientKind client)
    {
        _metrics.AuthenticationFailed(reason, type, client);
        // The workspace id is the caller's too (a route value, a header) when the workspace does not exist.
        var workspace = LogText.Of(workspaceId)!;
        LogFailed(_logger, workspace, reason, client);
        if (userName is not null && _logger.IsEnabled(LogLevel.Debug))
        {
            LogFailedUserName(_logger, workspace, LogText.Of(userName));
        }

        return new AuthenticationFailedException(reason);
    }
}
