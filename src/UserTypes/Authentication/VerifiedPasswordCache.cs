using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// Service agents' passwords that BCrypt verified in this process, for <see cref="PasswordOptions.VerifiedCacheDuration"/>,
/// so that an agent sending Basic credentials on every call pays one BCrypt per period instead of one per call. Only an
/// HMAC-SHA256 of the password is kept, under a key made at start-up and never stored, so a memory dump gives nothing a
/// guesser could test faster than BCrypt. An entry is served only while <see cref="AccountGenerations.IsCurrent"/> says
/// the account and its workspace did not change (a new password or security stamp, a disabled account, a new grant), so
/// any such change forgets it at once. Failures are never remembered: a wrong password always goes to BCrypt.
/// </summary>
internal sealed class VerifiedPasswordCache
{
    private const int MaxEntries = 100_000;

    // How often a call joins a flight whose success it cannot take before it verifies alone.
    private const int MaxRounds = 3;

    private readonly ConcurrentDictionary<(string WorkspaceId, string NormalizedUserName), VerifiedPassword> _entries = new();
    private readonly ConcurrentDictionary<(string WorkspaceId, string NormalizedUserName, string Mac), Task<AuthenticatedUser>> _inFlight = new();
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly AccountGenerations _generations;
    private readonly TimeProvider _time;
    private readonly TimeSpan _duration;

    // Writes since the entries were last dropped (CacheBound).
    private int _writes;

    public VerifiedPasswordCache(StoreChangeSignal changes, AccountGenerations generations, IOptions<UserTypesOptions> options, TimeProvider time)
    {
        (_generations, _time) = (generations, time);
        _duration = options.Value.Password.VerifiedCacheDuration;
        changes.Subscribe(change =>
        {
            if (change.WorkspaceId is null)
            {
                _entries.Clear();
            }
        });
    }

    /// <summary>Whether passwords are remembered at all.</summary>
    public bool Enabled => _duration > TimeSpan.Zero;

    /// <summary>The current generation of an account; read it before reading the account back.</summary>
    public long GenerationOf(string workspaceId, string userId) => _generations.Of(workspaceId, userId);

    /// <summary>The user a remembered password made, if this is that password and nothing changed since.</summary>
    public bool TryGet(string workspaceId, string normalizedUserName, string password, DateTimeOffset now, [MaybeNullWhen(false)] out AuthenticatedUser user)
    {
        user = null;
        if (!_entries.TryGetValue((workspaceId, normalizedUserName), out var entry)
            || now >= entry.ValidUntil
            || !_generations.IsCurrent(workspaceId, entry.UserId, entry.Generation, entry.WorkspaceVersion))
        {
            return false;
        }

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Mac(password, mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, entry.Mac))
        {
            return false;
        }

        user = entry.User;
        return true;
    }

    /// <summary>
    /// Runs <paramref name="verify"/> once for calls with the same credentials that arrive while it runs. A failure is
    /// everyone's (the same password gets the same answer), so a burst costs one reservation and one BCrypt. A success
    /// is taken by a call that joined only as it was remembered, at a generation still current when the call looks:
    /// the verification judged the account as it was when it began, and a call that arrived after the account changed
    /// (disabled, a new password) must not inherit that judgement; such a call verifies for itself.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="normalizedUserName">The user name, normalised.</param>
    /// <param name="password">The password.</param>
    /// <param name="verify">The verification, which runs to its end whoever stops waiting for it.</param>
    /// <param name="cancellationToken">Stops this caller's wait.</param>
    /// <returns>The user.</returns>
    public async Task<AuthenticatedUser> VerifyOnceAsync(
        string workspaceId, string normalizedUserName, string password, Func<Task<AuthenticatedUser>> verify, CancellationToken cancellationToken)
    {
        var mac = new byte[HMACSHA256.HashSizeInBytes];
        Mac(password, mac);
        var key = (workspaceId, normalizedUserName, Convert.ToBase64String(mac));

        // A joiner whose shared success was not remembered joins (or leads) the next flight, so the calls of one burst
        // still share one verification; after a few rounds (the account keeps changing) it verifies alone.
        for (var round = 0; ; round++)
        {
            var mine = new TaskCompletionSource<AuthenticatedUser>(TaskCreationOptions.RunContinuationsAsynchronously);
            var flight = round == MaxRounds ? mine.Task : _inFlight.GetOrAdd(key, mine.Task);
            if (flight == mine.Task)
            {
                try
                {
                    mine.SetResult(await verify().ConfigureAwait(false));
                }
                catch (Exception exception)
                {
                    mine.SetException(exception);
                }
                finally
                {
                    _inFlight.TryRemove(new KeyValuePair<(string, string, string), Task<AuthenticatedUser>>(key, mine.Task));
                }

                return await mine.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (TryGet(workspaceId, normalizedUserName, password, _time.GetUtcNow(), out var user))
            {
                return user;
            }
        }
    }

    /// <summary>Remembers a password BCrypt just verified, for the user read back at <paramref name="generation"/>.</summary>
    public void Set(string workspaceId, string normalizedUserName, string password, long generation, WorkspaceRecord workspace, DateTimeOffset now, AuthenticatedUser user)
    {
        var mac = new byte[HMACSHA256.HashSizeInBytes];
        Mac(password, mac);
        CacheBound.Set(
            _entries, ref _writes, MaxEntries, (workspaceId, normalizedUserName),
            new VerifiedPassword(user.UserId, mac, generation, workspace.Version, AccountGenerations.ValidUntil(workspace, now, _duration), user));
    }

    // Over the password's UTF-16 code units as given: no encoding step, so no two passwords (a lone surrogate and its
    // replacement character, say) can share a MAC.
    private void Mac(string password, Span<byte> destination) =>
        HMACSHA256.HashData(_key, MemoryMarshal.AsBytes(password.AsSpan()), destination);
}
