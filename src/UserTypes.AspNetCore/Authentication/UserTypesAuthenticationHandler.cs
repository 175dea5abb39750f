using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UserTypes.AspNetCore;

/// <summary>
/// Authenticates service calls with <see cref="IAuthenticator"/> as <see cref="ClientKind.ServiceAgent"/>: HTTP Basic
/// credentials, an API key as a bearer token (<c>Authorization: Bearer utk_…</c>), or none for the implicit anonymous
/// user. A failure is a 401 with a <c>WWW-Authenticate</c> header and a problem details body carrying only the generic
/// message; a denial is a 403; a password that could not be checked because the hashing gate is full
/// (<see cref="HashingBusyException"/>) is a 503 with <c>Retry-After</c>. A request whose <c>Authorization</c> header
/// this scheme does not understand (another bearer token, another scheme) gets no result at all (never the implicit
/// anonymous user), so another scheme or a 401 follows.
/// </summary>
internal sealed class UserTypesAuthenticationHandler(
    IOptionsMonitor<UserTypesAuthenticationOptions> options,
    ILoggerFactory logger,
    System.Text.Encodings.Web.UrlEncoder encoder,
    IAuthenticator authenticator,
    IWorkspaceResolver workspaces) : AuthenticationHandler<UserTypesAuthenticationOptions>(options, logger, encoder)
{
    // Invalid bytes are an error, never a replacement character: two different byte strings must not decode alike.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private new UserTypesAuthenticationEvents Events => (UserTypesAuthenticationEvents)base.Events!;

    // Set when this request's password could not be checked for want of a hashing slot: its challenge is a 503.
    private HashingBusyException? _busy;

    protected override Task<object> CreateEventsAsync() => Task.FromResult<object>(new UserTypesAuthenticationEvents());

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var workspace = await workspaces.ResolveAsync(Context).ConfigureAwait(false);
        if (workspace is null)
        {
            return AuthenticateResult.NoResult();
        }

        var authenticating = new UserTypesAuthenticatingContext(Context, Scheme, Options, workspace);
        await Events.AuthenticatingAsync(authenticating).ConfigureAwait(false);
        if (authenticating.Result is { } decided)
        {
            return decided;
        }

        var credentials = ReadCredentials(Request.Headers.Authorization);
        if (credentials.Kind == CredentialsKind.Foreign)
        {
            return AuthenticateResult.NoResult();
        }

        if (credentials.Kind == CredentialsKind.Malformed)
        {
            return await FailAsync(AuthenticationFailureReason.InvalidCredentials).ConfigureAwait(false);
        }

        AuthenticatedUser user;
        try
        {
            user = credentials.Kind == CredentialsKind.ApiKey
                ? await authenticator.AuthenticateApiKeyAsync(authenticating.WorkspaceId, credentials.ApiKey!, Context.RequestAborted).ConfigureAwait(false)
                : await authenticator.AuthenticateAsync(authenticating.WorkspaceId, credentials.Value, ClientKind.ServiceAgent, Context.RequestAborted).ConfigureAwait(false);
        }
        catch (HashingBusyException e)
        {
            // Not a failed authentication: nothing was checked. The challenge answers 503, so the caller retries.
            _busy = e;
            return AuthenticateResult.Fail(e.Message);
        }
        catch (AuthenticationFailedException) when (credentials.Kind == CredentialsKind.None)
        {
            // No credentials and no implicit anonymous access: the request is simply unauthenticated.
            return AuthenticateResult.NoResult();
        }
        catch (AuthenticationFailedException e)
        {
            return await FailAsync(e.Reason).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // A workspace id the directory cannot take (too long, control characters) names no workspace.
            return await FailAsync(AuthenticationFailureReason.UnknownWorkspace).ConfigureAwait(false);
        }

        // Outside the try: an exception from the host's own event handler is the host's, never an authentication failure.
        var authenticated = new UserTypesAuthenticatedContext(Context, Scheme, Options, user);
        await Events.AuthenticatedAsync(authenticated).ConfigureAwait(false);
        return authenticated.Result ?? AuthenticateResult.Success(new AuthenticationTicket(authenticated.Principal!, Scheme.Name));
    }

    private async Task<AuthenticateResult> FailAsync(AuthenticationFailureReason reason)
    {
        var failed = new UserTypesAuthenticationFailedContext(Context, Scheme, Options, reason);
        await Events.AuthenticationFailedAsync(failed).ConfigureAwait(false);
        return failed.Result ?? AuthenticateResult.Fail(AuthenticationFailedException.GenericMessage);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var challenge = new UserTypesChallengeContext(Context, Scheme, Options, properties);
        await Events.ChallengeAsync(challenge).ConfigureAwait(false);
        if (challenge.Handled)
        {
            return;
        }

        if (_busy is { } busy)
        {
            await UserTypesProblems.WriteBusyAsync(Context, busy).ConfigureAwait(false);
            return;
        }

        Response.Headers.WWWAuthenticate = $"Basic realm=\"{Options.Realm}\", charset=\"UTF-8\"";
        await UserTypesProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, AuthenticationFailedException.GenericMessage).ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        UserTypesProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "You may not do this.");

    private static Credentials ReadCredentials(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return new(CredentialsKind.None);
        }

        if (!AuthenticationHeaderValue.TryParse(header, out var parsed))
        {
            return new(CredentialsKind.Foreign);
        }

        // A bearer token is ours only if it says so: a JWT or another issuer's token is left to its own scheme.
        if (string.Equals(parsed.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return parsed.Parameter is { } token && token.StartsWith(ApiKey.Prefix, StringComparison.Ordinal) ? new(CredentialsKind.ApiKey, ApiKey: token) : new(CredentialsKind.Foreign);
        }

        if (!string.Equals(parsed.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return new(CredentialsKind.Foreign);
        }

        try
        {
            var decoded = StrictUtf8.GetString(Convert.FromBase64String(parsed.Parameter ?? string.Empty));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0 ? new(CredentialsKind.Malformed) : new(CredentialsKind.Basic, new PasswordCredentials(decoded[..colon], decoded[(colon + 1)..]));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return new(CredentialsKind.Malformed);
        }
    }

    private readonly record struct Credentials(CredentialsKind Kind, PasswordCredentials? Value = null, string? ApiKey = null);

    private enum CredentialsKind
    {
        None,
        Basic,
        ApiKey,
        Malformed,
        Foreign,
    }
}
