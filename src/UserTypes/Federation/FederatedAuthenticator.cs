using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace UserTypes;

/// <summary>
/// The default <see cref="IFederatedAuthenticator"/>. The issuer decides nothing but what the trust policy
/// (<see cref="IssuerTrust"/>) lets it: which account an identity reaches is decided by its link alone, and its address
/// reaches an account only as far as the issuer is trusted to vouch for it.
/// </summary>
internal sealed partial class FederatedAuthenticator : IFederatedAuthenticator
{
    /// <summary>The longest subject accepted: OpenID Connect Core 1.0 allows 255 ASCII characters.</summary>
    public const int MaxSubjectLength = 255;

    private readonly WorkspaceLookupCache _workspaces;
    private readonly IUserAccountStore _users;
    private readonly IFederatedIdentityStore _identities;
    private readonly LoginGate _gate;
    private readonly RightsPolicy _rights;
    private readonly Reclassifier _reclassifier;
    private readonly AuditRecorder _audit;
    private readonly UserTypesMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public FederatedAuthenticator(
        WorkspaceLookupCache workspaces,
        IUserAccountStore users,
        IFederatedIdentityStore identities,
        LoginGate gate,
        RightsPolicy rights,
        Reclassifier reclassifier,
        AuditRecorder audit,
        UserTypesMetrics metrics,
        TimeProvider time,
        ILogger<FederatedAuthenticator>? logger = null)
    {
        (_workspaces, _users, _identities, _gate, _rights, _reclassifier, _audit, _metrics, _time) =
            (workspaces, users, identities, gate, rights, reclassifier, audit, metrics, time);
        _logger = logger ?? NullLogger<FederatedAuthenticator>.Instance;
    }

    public async Task<FederatedSignInResult> SignInAsync(string workspaceId, FederatedIdentity identity, ClientKind client, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        ThrowIfInvalid(identity, nameof(identity));
        var lookup = await FindWorkspaceAsync(workspaceId, client, cancellationToken).ConfigureAwait(false);
        var issuer = IssuerTrust.Match(lookup.Workspace, identity) ?? throw Fail(workspaceId, AuthenticationFailureReason.UntrustedIssuer, null, client);
        var (trust, address) = IssuerTrust.Evaluate(issuer, identity);

        for (var attempt = 0; attempt < OptimisticConcurrency.MaxAttempts; attempt++)
        {
            var linkedId = await _identities.FindIdentityAsync(workspaceId, identity.Issuer, identity.Subject, cancellationToken).ConfigureAwait(false);
            if (linkedId is not null)
            {
                // A link never outlives its account (deleting one deletes its links); a delete between the two reads is retried.
                if (await _users.FindByIdAsync(workspaceId, linkedId, cancellationToken).ConfigureAwait(false) is not { } linked
                    || await FollowAddressAsync(lookup, linked, trust, address, client, cancellationToken).ConfigureAwait(false) is not { } account)
                {
                    continue;
                }

                return Succeeded(workspaceId, FederatedSignInStatus.SignedIn, _rights.UserOf(account, provenByCredentials: true), trust, client);
            }

            // Never linked by address: whoever holds the address proves it by signing in to that account first. The holder
            // may be this very identity's account, made by its parallel first sign-in since the link was read: then the
            // link is there now.
            if (address is not null && await _users.FindByEmailAsync(workspaceId, address.Value, cancellationToken).ConfigureAwait(false) is not null)
            {
                if (await _identities.FindIdentityAsync(workspaceId, identity.Issuer, identity.Subject, cancellationToken).ConfigureAwait(false) is not null)
                {
                    continue;
                }

                return LinkRequired(workspaceId, trust);
            }

            if (!issuer.AllowProvisioning)
            {
                throw Fail(workspaceId, AuthenticationFailureReason.ProvisioningDisabled, trust, client);
            }

            var provisioned = await ProvisionAsync(lookup, identity, trust, address, client, cancellationToken).ConfigureAwait(false);
            switch (provisioned.Result)
            {
                case UserStoreResult.Succeeded:
                    // As for a sign-up: a workspace change that raced with the account's classification is caught up on.
                    var caughtUp = await _reclassifier.CatchUpAsync(lookup, CancellationToken.None).ConfigureAwait(false);
                    var created = caughtUp ? await _users.FindByIdAsync(workspaceId, provisioned.User.Account.Id, CancellationToken.None).ConfigureAwait(false) : null;
                    return Succeeded(workspaceId, FederatedSignInStatus.Provisioned, _rights.UserOf((created ?? provisioned.User).Account, provenByCredentials: true), trust, client);
                case UserStoreResult.EmailTaken:
                    // Another sign-in or sign-up took the address meanwhile (perhaps this identity's own, in parallel):
                    // read again, to sign in to it or to ask for a link.
                    continue;
                case UserStoreResult.SeatLimitReached:
                    _metrics.FederatedSignIn("SeatLimitExceeded", trust);
                    var type = provisioned.User.Account.UserType;
                    throw new SeatLimitExceededException(workspaceId, type, LicenseGate.SeatLimit(lookup.Workspace.License, type).GetValueOrDefault());
                case UserStoreResult.UserNameTaken:
                    // Both the address and the name made for the identity are other accounts' names: nothing to retry.
                    throw new UserNameTakenException(workspaceId, provisioned.User.Account.UserName);
                default:
                    // The same identity's first sign-in in parallel won (IdentityTaken), or an id clashed (Conflict):
                    // read again, and sign in to the account it made.
                    continue;
            }
        }

        throw OptimisticConcurrency.Exhausted($"the federated sign-in to workspace '{workspaceId}'");
    }

    public async Task<AuthenticatedUser> LinkAsync(AuthenticatedUser actor, FederatedIdentity identity, ClientKind client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ThrowIfInvalid(identity, nameof(identity));
        ThrowIfNotProvenJustNow(actor);

        var lookup = await FindWorkspaceAsync(actor.WorkspaceId, client, cancellationToken).ConfigureAwait(false);
        var stored = await FindOwnAccountAsync(actor, cancellationToken).ConfigureAwait(false);
        if (IssuerTrust.Match(lookup.Workspace, identity) is not { } issuer)
        {
            throw Fail(actor.WorkspaceId, AuthenticationFailureReason.UntrustedIssuer, null, client);
        }

        var (trust, _) = IssuerTrust.Evaluate(issuer, identity);
        var account = stored.Account;
        ThrowIfNotAllowed(lookup.Workspace, account, account.UserType, trust, client);
        if (await _identities.FindIdentityAsync(account.WorkspaceId, identity.Issuer, identity.Subject, cancellationToken).ConfigureAwait(false) == account.Id)
        {
            return _rights.UserOf(account, provenByCredentials: true);
        }
        var link = new StoredIdentityLink
        {
            WorkspaceId = account.WorkspaceId,
            Issuer = identity.Issuer,
            Subject = identity.Subject,
            UserId = account.Id,
            CreatedAt = _time.GetUtcNow(),
        };
        AuditEntry[] entries = [_audit.Entry(account.WorkspaceId, AuditActions.IdentityLinked, account.Id, account.Id, LinkedSummary(account.Id, identity.Issuer))];
        switch (await _identities.LinkIdentityAsync(link, account.SecurityStamp, entries, cancellationToken).ConfigureAwait(false))
        {
            case UserStoreResult.Succeeded:
                _audit.Written(entries);
                _metrics.FederatedSignIn("Linked", trust);
                return _rights.UserOf(account, provenByCredentials: true);
            case UserStoreResult.IdentityTaken:
                throw new ArgumentException("The identity is linked to another account; it never moves between accounts.", nameof(identity));
            default:
                throw SessionEnded();
        }
    }

    public async Task UnlinkAsync(AuthenticatedUser actor, string issuer, string subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        IssuerName.ThrowIfInvalid(issuer, nameof(issuer));
        ThrowIfInvalidSubject(subject, nameof(subject));
        ThrowIfNotProvenJustNow(actor);

        await FindWorkspaceAsync(actor.WorkspaceId, ClientKind.WebApplication, cancellationToken).ConfigureAwait(false);
        var account = (await FindOwnAccountAsync(actor, cancellationToken).ConfigureAwait(false)).Account;
        AuditEntry[] entries = [_audit.Entry(account.WorkspaceId, AuditActions.IdentityUnlinked, account.Id, account.Id, $"Account {account.Id} unlinked an identity from {issuer}.")];
        switch (await _identities.UnlinkIdentityAsync(account.WorkspaceId, account.Id, issuer, subject, entries, cancellationToken).ConfigureAwait(false))
        {
            case UserStoreResult.Succeeded:
                _audit.Written(entries);
                break;
            case UserStoreResult.LastSignInMethod:
                throw new InvalidOperationException("The identity is the only way this account can sign in (it has no password); set a password or link another identity first.");
        }
    }

    // A user name for an identity whose address is not kept, or whose address is someone's user name already: no address,
    // so it squats none, and random, so nobody can take it first (the link, not the name, finds the account).
    internal static string GeneratedUserName() => "federated-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    // A stolen cookie or key must not change how an account signs in: linking and unlinking take a sign-in made in this
    // very flow, with a password or a linked identity.
    private static void ThrowIfNotProvenJustNow(AuthenticatedUser actor)
    {
        if (!actor.ProvenByCredentials || actor.ApiKeyId is not null)
        {
            throw new AccessDeniedException(null, "changing how an account signs in takes a sign-in made just now (IAuthenticator.AuthenticateAsync or SignInAsync), not a session read back from a cookie or an API key.");
        }
    }

    private static string LinkedSummary(string userId, string issuer) => $"Account {userId} linked an identity from {issuer}.";

    private static void ThrowIfInvalid(FederatedIdentity? identity, string paramName)
    {
        ArgumentNullException.ThrowIfNull(identity, paramName);
        IssuerName.ThrowIfInvalid(identity.Issuer, paramName);
        ThrowIfInvalidSubject(identity.Subject, paramName);
        if (identity.Claims is null)
        {
            throw new ArgumentException("The identity's claims must not be null (empty for none).", paramName);
        }
    }

    private static void ThrowIfInvalidSubject(string? subject, string paramName)
    {
        ArgumentNullException.ThrowIfNull(subject, paramName);
        if (subject.Length is 0 or > MaxSubjectLength || subject.Any(char.IsControl))
        {
            throw new ArgumentException($"The subject must have 1 to {MaxSubjectLength} characters and no control characters.", paramName);
        }
    }

    private static AccessDeniedException SessionEnded() =>
        new(null, "the account was disabled or changed since it signed in (its security stamp moved); sign in again.");

    // A trusted address that changed is written to the account whose address is the identity's: one the identity is
    // the only way into (no password, no other identity); an account the person also opens otherwise keeps the address
    // they gave it. A classified account is typed by the new address anew, through the seat gate; an assigned one keeps
    // its type. The account as it would be is checked against the gate first, so a refused sign-in writes nothing.
    // Null when another write landed first (the caller reads again).
    private async Task<UserAccount?> FollowAddressAsync(
        WorkspaceLookup lookup, StoredUser linked, AddressTrust trust, EmailAddress? address, ClientKind client, CancellationToken cancellationToken)
    {
        var account = linked.Account;
        ThrowIfNotAllowed(lookup.Workspace, account, account.UserType, trust, client);
        var follows = address is not null
            && address.Value != account.Email
            && linked.PasswordHash.Length == 0
            && (await _identities.ListIdentitiesAsync(account.WorkspaceId, account.Id, cancellationToken).ConfigureAwait(false)).Count == 1;
        if (!follows)
        {
            return account;
        }

        var type = account.UserTypeSource == UserTypeSource.Classified ? lookup.Classify(address!.Domain).Classification.UserType : account.UserType;
        var changed = _rights.WithAdministrator(linked with
        {
            Account = account with
            {
                Email = address!.Value,
                EmailConfirmed = true,
                // A user name that was the old address would now be an address the account does not hold.
                UserName = account.UserName == account.Email ? address.Value : account.UserName,
                UserType = type,
                SecurityStamp = type == account.UserType ? account.SecurityStamp : UserAccount.NewSecurityStamp(),
                Version = account.Version + 1,
            },
        });
        ThrowIfNotAllowed(lookup.Workspace, account, type, trust, client);
        var limit = LicenseGate.SeatLimit(lookup.Workspace.License, type);
        var entries = _audit.Changed(linked, changed, account.Id);
        switch (await _users.UpdateAsync(changed, account.Version, limit, consumedTokenId: null, entries, cancellationToken).ConfigureAwait(false))
        {
            case UserStoreResult.Succeeded:
                _audit.Written(entries);
                return changed.Account;
            case UserStoreResult.Conflict:
                return null;
            case UserStoreResult.SeatLimitReached:
                _metrics.FederatedSignIn("SeatLimitExceeded", trust);
                throw new SeatLimitExceededException(account.WorkspaceId, type, limit.GetValueOrDefault());
            default:
                // The new address or name is another account's, or the account is the last administrator and would be
                // re-typed: it signs in as it is, and the identity stays where it is.
                LogAddressNotFollowed(_logger, LogText.Of(account.WorkspaceId)!, account.Id);
                return account;
        }
    }

    private async Task<(UserStoreResult Result, StoredUser User)> ProvisionAsync(
        WorkspaceLookup lookup, FederatedIdentity identity, AddressTrust trust, EmailAddress? address, ClientKind client, CancellationToken cancellationToken)
    {
        var workspace = lookup.Workspace;

        // Only an issuer that speaks for the domain lets the workspace's rule type the account; any other is external,
        // and fixed so: a later workspace change must not make a merely verified mailbox internal.
        var (type, source) = trust == AddressTrust.DomainAuthority
            ? (lookup.Classify(address!.Domain).Classification.UserType, UserTypeSource.Classified)
            : (UserType.External, UserTypeSource.Assigned);

        // Refused before anything is written: the licence and the client kind hold as for a password.
        ThrowIfNotAllowed(workspace, account: null, type, trust, client);
        var now = _time.GetUtcNow();
        var limit = LicenseGate.SeatLimit(workspace.License, type);
        var result = UserStoreResult.UserNameTaken;
        StoredUser? user = null;
        string[] userNames = address is null ? [GeneratedUserName()] : [address.Value, GeneratedUserName()];
        foreach (var userName in userNames)
        {
            var made = NewAccount.Create(workspace.Id, userName, address?.Value, type, source, passwordHash: string.Empty, now);
            user = _rights.WithAdministrator(made with { Account = made.Account with { EmailConfirmed = address is not null } });
            var link = new StoredIdentityLink { WorkspaceId = workspace.Id, Issuer = identity.Issuer, Subject = identity.Subject, UserId = user.Account.Id, CreatedAt = now };
            AuditEntry[] entries =
            [
                _audit.Created(user.Account, user.Account.Id),
                _audit.Entry(workspace.Id, AuditActions.IdentityLinked, user.Account.Id, user.Account.Id, LinkedSummary(user.Account.Id, identity.Issuer)),
            ];
            result = await _identities.CreateLinkedAsync(user, link, limit, entries, cancellationToken).ConfigureAwait(false);
            if (result == UserStoreResult.Succeeded)
            {
                _audit.Written(entries);
            }

            // An account named after the address but holding another (or none) keeps its name; this one takes a generated one.
            if (result != UserStoreResult.UserNameTaken)
            {
                break;
            }
        }

        return (result, user!);
    }

    // An unknown workspace fails like an untrusted issuer would, so the answer says nothing about which exist.
    private async Task<WorkspaceLookup> FindWorkspaceAsync(string workspaceId, ClientKind client, CancellationToken cancellationToken)
    {
        try
        {
            return await _workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkspaceNotFoundException)
        {
            throw Fail(workspaceId, AuthenticationFailureReason.UnknownWorkspace, null, client);
        }
    }

    // The actor's own account as stored now: it must be enabled, signed in as itself, and still at the stamp it signed in with.
    private async Task<StoredUser> FindOwnAccountAsync(AuthenticatedUser actor, CancellationToken cancellationToken)
    {
        if (actor.IsImplicitAnonymous || actor.UserType == UserType.Anonymous || actor.ApiKeyId is not null)
        {
            throw new AccessDeniedException(null, "only a person signed in to their own account can link or unlink its identities.");
        }

        var stored = await _users.FindByIdAsync(actor.WorkspaceId, actor.UserId, cancellationToken).ConfigureAwait(false);
        return stored is { Account.Enabled: true } && stored.Account.SecurityStamp == actor.SecurityStamp ? stored : throw SessionEnded();
    }

    private void ThrowIfNotAllowed(WorkspaceRecord workspace, UserAccount? account, UserType type, AddressTrust trust, ClientKind client)
    {
        if (_gate.Refusal(workspace, account, type, client) is { } refused)
        {
            throw Fail(workspace.Id, refused, trust, client);
        }
    }

    private FederatedSignInResult Succeeded(string workspaceId, FederatedSignInStatus status, AuthenticatedUser user, AddressTrust trust, ClientKind client)
    {
        _metrics.FederatedSignIn(status.ToString(), trust);
        _metrics.Authenticated(user.UserType, client, implicitAnonymous: false);
        LogSignedIn(_logger, LogText.Of(workspaceId)!, user.UserId, status, trust);
        return new FederatedSignInResult(status, user, trust);
    }

    private FederatedSignInResult LinkRequired(string workspaceId, AddressTrust trust)
    {
        _metrics.FederatedSignIn(nameof(FederatedSignInStatus.LinkRequired), trust);
        LogLinkRequired(_logger, LogText.Of(workspaceId)!, trust);
        return new FederatedSignInResult(FederatedSignInStatus.LinkRequired, null, trust);
    }

    private AuthenticationFailedException Fail(string workspaceId, AuthenticationFailureReason reason, AddressTrust? trust, ClientKind client)
    {
        _metrics.FederatedSignIn(reason.ToString(), trust);
        _metrics.AuthenticationFailed(reason, null, client);
        LogFailed(_logger, LogText.Of(workspaceId)!, reason, client);
        return new AuthenticationFailedException(reason);
    }
}
