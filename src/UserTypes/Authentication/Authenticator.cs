using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// The default <see cref="IAuthenticator"/>. Every attempt with a password costs exactly one BCrypt verification,
/// whether the user exists or not, and every reason that depends on the account is only given once the password
/// was verified, so neither timing nor the reason tells a guesser anything.
/// </summary>
internal sealed partial class Authenticator : IAuthenticator
{
    private readonly IUserAccountStore _users;
    private readonly IUserLockoutStore _lockouts;
    private readonly WorkspaceLookupCache _workspaces;
    private readonly RightsPolicy _rights;
    private readonly LicenseGate _licenses;
    private readonly PasswordPolicy _passwords;
    private readonly PasswordHasher _hasher;
    private readonly ImplicitAnonymousCache _anonymous;
    private readonly UserTypesMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly UserTypesOptions _options;

    public Authenticator(
        IUserAccountStore users,
        IUserLockoutStore lockouts,
        WorkspaceLookupCache workspaces,
        RightsPolicy rights,
        LicenseGate licenses,
        PasswordPolicy passwords,
        PasswordHasher hasher,
        ImplicitAnonymousCache anonymous,
        UserTypesMetrics metrics,
        IOptions<UserTypesOptions> options,
        TimeProvider time,
        ILogger<Authenticator>? logger = null)
    {
        (_users, _lockouts, _workspaces, _rights, _licenses, _passwords, _hasher, _anonymous, _metrics, _time) =
            (users, lockouts, workspaces, rights, licenses, passwords, hasher, anonymous, metrics, time);
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
                _hasher.VerifyDummy(credentials.Password);
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

        var stored = await _users.FindByUserNameAsync(workspace.Id, UserAccount.NormalizeUserName(userName), cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            _hasher.VerifyDummy(credentials.Password);
            throw Fail(workspace.Id, userName, AuthenticationFailureReason.InvalidCredentials, null, client);
        }

        var account = stored.Account;
        var verification = _hasher.Verify(credentials.Password, stored.PasswordHash, out var malformed);
        if (malformed)
        {
            LogMalformedHash(_logger, workspace.Id, account.Id);
        }

        var now = _time.GetUtcNow();
        if (account.LockoutEnd > now)
        {
            // Verified all the same, so a locked account answers no faster than any other.
            throw Fail(workspace.Id, userName, AuthenticationFailureReason.LockedOut, account.UserType, client);
        }

        if (verification == PasswordVerification.Failed)
        {
            var lockout = _options.Lockout;

            // The attempt is over whatever the caller does now: count it even if they cancel. A store that cannot count
            // it must not answer differently from the unknown user's path, which writes nothing: the answer stays
            // "invalid credentials" and the fault goes to the error log.
            try
            {
                await _lockouts.RecordFailedLoginAsync(workspace.Id, account.Id, lockout.MaxFailedAttempts, now + lockout.Duration, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not UserTypesException)
            {
                LogFailureNotCounted(_logger, workspace.Id, exception);
            }

            throw Fail(workspace.Id, userName, AuthenticationFailureReason.InvalidCredentials, account.UserType, client);
        }

        ThrowIfNotAllowed(workspace, account, account.UserType, client);
        var rehash = verification == PasswordVerification.SucceededRehashNeeded ? _hasher.Hash(credentials.Password) : null;
        if (rehash is not null || account.AccessFailedCount > 0 || account.LockoutEnd is not null)
        {
            await _lockouts.RecordSuccessfulLoginAsync(workspace.Id, account.Id, rehash, CancellationToken.None).ConfigureAwait(false);
        }

        return new AuthenticatedUser(account, _rights.Evaluate(account.UserType, account.Rights), isImplicitAnonymous: false);
    }

    // Everything that decides whether a known, verified user may log in from here; account is null for the
    // implicit anonymous check, which looks at the account itself afterwards.
    private void ThrowIfNotAllowed(WorkspaceRecord workspace, UserAccount? account, UserType type, ClientKind client)
    {
        var reason = account switch
        {
            { Enabled: false } => AuthenticationFailureReason.AccountDisabled,
            _ => ReasonForType(workspace, type, client),
        };
        if (reason is { } refused)
        {
            throw Fail(workspace.Id, account?.UserName, refused, type, client);
        }
    }

    private AuthenticationFailureReason? ReasonForType(WorkspaceRecord workspace, UserType type, ClientKind client)
    {
        if (!Enum.IsDefined(client))
        {
            return AuthenticationFailureReason.ClientNotAllowed;
        }

        return type switch
        {
            UserType.External when !_options.ExternalUsers.Enabled => AuthenticationFailureReason.ExternalUsersNotAllowed,
            UserType.External when !_licenses.IsLicensed(workspace.License, LicensedFeature.ExternalUsers) => AuthenticationFailureReason.NotLicensed,
            UserType.Anonymous when !_licenses.IsLicensed(workspace.License, LicensedFeature.AnonymousUsers) => AuthenticationFailureReason.NotLicensed,
            UserType.External or UserType.Anonymous when client == ClientKind.DesktopClient => AuthenticationFailureReason.ClientNotAllowed,
            _ => null,
        };
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
