using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// Compares a password the way every login does, for the authenticator and for self-service that asks for the current
/// password: the attempt is reserved in the store first (<see cref="IUserLockoutStore.ReserveLoginAttemptAsync"/>),
/// so a burst of parallel guesses gets no more comparisons than the lockout allows, and it stays counted as a failure
/// unless <see cref="SucceededAsync"/> releases it. An unknown user name, a locked key and a store that cannot reserve
/// each cost one BCrypt verification against nothing, so every path costs the same: one reservation, one hash. The
/// attempt holds a slot of the <see cref="HashingGate"/> from before the reservation to after the hash.
/// </summary>
internal sealed partial class PasswordAttempts
{
    private readonly IUserLockoutStore _attempts;
    private readonly PasswordHasher _hasher;
    private readonly TimeProvider _time;
    private readonly LoginAttemptPolicy _policy;
    private readonly ILogger _logger;
    private readonly AuditRecorder _audit;

    public PasswordAttempts(
        IUserLockoutStore attempts, PasswordHasher hasher, AuditRecorder audit, IOptions<UserTypesOptions> options, TimeProvider time, ILogger<PasswordAttempts>? logger = null)
    {
        (_attempts, _hasher, _audit, _time) = (attempts, hasher, audit, time);
        _policy = LoginAttemptPolicy.From(options.Value.Lockout);
        _logger = logger ?? NullLogger<PasswordAttempts>.Instance;
    }

    /// <summary>Reserves an attempt and compares the password.</summary>
    /// <param name="workspaceId">The workspace (known to exist).</param>
    /// <param name="normalizedUserName">The user name as typed, normalised: the key when no account has it.</param>
    /// <param name="stored">The account of that name, or <see langword="null"/> when there is none.</param>
    /// <param name="password">The password as given.</param>
    /// <param name="cancellationToken">Cancels the wait for a slot and the reservation; once reserved, the attempt runs to its end.</param>
    /// <returns>The outcome, and the reservation to release if the caller accepts the login.</returns>
    /// <exception cref="HashingBusyException">Every hashing slot and the queue are taken: nothing was reserved or compared.</exception>
    public async Task<PasswordAttempt> CheckAsync(string workspaceId, string normalizedUserName, StoredUser? stored, string password, CancellationToken cancellationToken)
    {
        // The slot first: an attempt the gate turns away is not counted, so a flood cannot lock anybody out through it.
        using var slot = await _hasher.EnterAsync(cancellationToken).ConfigureAwait(false);
        return await CheckInSlotAsync(workspaceId, normalizedUserName, stored, password, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="CheckAsync"/> for a caller that already holds a hashing slot (<see cref="PasswordHasher.EnterAsync"/>),
    /// taken before it read the account, so that an attempt the gate turns away costs no store work at all.
    /// </summary>
    /// <param name="workspaceId">The workspace (known to exist).</param>
    /// <param name="normalizedUserName">The user name as typed, normalised: the key when no account has it.</param>
    /// <param name="stored">The account of that name, or <see langword="null"/> when there is none.</param>
    /// <param name="password">The password as given.</param>
    /// <param name="cancellationToken">Cancels the reservation; once reserved, the attempt runs to its end.</param>
    /// <returns>The outcome, and the reservation to release if the caller accepts the login.</returns>
    public async Task<PasswordAttempt> CheckInSlotAsync(string workspaceId, string normalizedUserName, StoredUser? stored, string password, CancellationToken cancellationToken)
    {
        var key = stored is null ? LoginAttemptKeys.ForUnknownUserName(workspaceId, normalizedUserName) : LoginAttemptKeys.ForAccount(stored.Account.Id);
        LoginAttempt? reserved;
        try
        {
            // An account's key that this attempt locks gets its entry in the trail; a name no account has is nobody's.
            var lockedOut = stored is null ? null : _audit.Entry(
                workspaceId, AuditActions.UserLockedOut, null, stored.Account.Id, $"Account {stored.Account.Id} locked out after too many failed logins in a row.");
            reserved = await _attempts.ReserveLoginAttemptAsync(workspaceId, key, _policy, _time.GetUtcNow(), lockedOut, cancellationToken).ConfigureAwait(false);
            if (reserved?.LockedUntil is not null)
            {
                _audit.Written(lockedOut);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not UserTypesException)
        {
            // Fail closed: an attempt that cannot be counted is not compared, and the answer is the one a wrong password
            // gets, known user or not. The fault goes to the error log.
            LogNotReserved(_logger, LogText.Of(workspaceId)!, exception);
            _hasher.VerifyDummy(password);
            return new PasswordAttempt(PasswordVerification.Failed, LockedOut: false, key, null);
        }

        // An account without a password (one a federated identity made) is one no password opens, at the same cost.
        if (reserved is null || stored is null || stored.PasswordHash.Length == 0)
        {
            _hasher.VerifyDummy(password);
            return new PasswordAttempt(PasswordVerification.Failed, LockedOut: reserved is null, key, reserved);
        }

        var verification = _hasher.Verify(password, stored.PasswordHash, out var malformed);
        if (malformed)
        {
            LogMalformedHash(_logger, LogText.Of(workspaceId)!, stored.Account.Id);
        }

        return new PasswordAttempt(verification, LockedOut: false, key, reserved, stored.Account.Id);
    }

    /// <summary>Releases a verified attempt whose login the caller accepted: it no longer counts as a failure.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="attempt">The attempt <see cref="CheckAsync"/> verified.</param>
    /// <returns>A task that completes when released, or when the release failed and was logged.</returns>
    public async Task SucceededAsync(string workspaceId, PasswordAttempt attempt)
    {
        if (attempt.Reserved is not { } reserved)
        {
            return;
        }

        try
        {
            // The login has happened whatever the caller does now: released even if they cancel.
            // The attempt that reached the limit locked the account before its password was compared; it was the right
            // one, so the release lifts that lock, and the trail says so.
            var lifted = reserved.LockedUntil is not null && attempt.UserId is { } userId
                ? _audit.Entry(workspaceId, AuditActions.UserUnlocked, null, userId, $"Account {userId} unlocked: the login that locked it had the right password.")
                : null;
            await _attempts.ReleaseLoginAttemptAsync(workspaceId, attempt.Key, reserved, lifted, CancellationToken.None).ConfigureAwait(false);
            _audit.Written(lifted);
        }
        catch (Exception exception) when (exception is not UserTypesException)
        {
            // Left counted as a failure: the safe side of a fault, and the login itself stands.
            LogNotReleased(_logger, LogText.Of(workspaceId)!, exception);
        }
    }

    /// <summary>Clears the failures, lock and back-off of an account: an unlock, or a password reset.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <param name="audit">The entry that records an unlock, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when cleared.</returns>
    public Task ClearAsync(string workspaceId, string userId, AuditEntry? audit, CancellationToken cancellationToken) =>
        _attempts.ClearLoginAttemptsAsync(workspaceId, LoginAttemptKeys.ForAccount(userId), audit, cancellationToken);

    /// <summary>
    /// Clears an account's failures and lock after a change that already landed (a password reset): a fault here is
    /// logged, not thrown, since the change stands and the lock runs out on its own.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="userId">The account.</param>
    /// <returns>A task that completes when cleared, or when the clear failed and was logged.</returns>
    public async Task ClearAfterChangeAsync(string workspaceId, string userId)
    {
        try
        {
            await ClearAsync(workspaceId, userId, audit: null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not UserTypesException)
        {
            LogNotCleared(_logger, LogText.Of(workspaceId)!, userId, exception);
        }
    }

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "The lockout of account '{UserId}' in workspace '{WorkspaceId}' could not be cleared after its password was reset; it runs out on its own, or unlock the account.")]
    private static partial void LogNotCleared(ILogger logger, string workspaceId, string userId, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "A login attempt in workspace '{WorkspaceId}' could not be counted towards the lockout; the password was not compared and the login was refused.")]
    private static partial void LogNotReserved(ILogger logger, string workspaceId, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "A successful login in workspace '{WorkspaceId}' could not be released; it stays counted as a failed attempt until the lockout window passes.")]
    private static partial void LogNotReleased(ILogger logger, string workspaceId, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "The stored password hash of account '{UserId}' in workspace '{WorkspaceId}' is malformed; the login was refused. Reset the account's password.")]
    private static partial void LogMalformedHash(ILogger logger, string workspaceId, string userId);
}
