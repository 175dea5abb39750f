using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UserTypes.AspNetCore;

/// <summary>
/// Authenticates service calls with <see cref="IAuthenticator"/> as <see cref="ClientKind.ServiceAgent"/>: HTTP Basic
/// credentials, or none for the implicit anonymous user. A failure is a 401 with a <c>WWW-Authenticate</c> header and
/// a ProblemDetails body carrying only the generic message; a denial is a 403.
/// </summary>
internal sealed class UserTypesAuthenticationHandler(
    IOptionsMonitor<UserTypesAuthenticationOptions> options,
    ILoggerFactory logger,
    System.Text.Encodings.Web.UrlEncoder encoder,
    IAuthenticator authenticator,
    IWorkspaceResolver workspaces) : AuthenticationHandler<UserTypesAuthenticationOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var workspace = await workspaces.ResolveAsync(Context).ConfigureAwait(false);
        if (workspace is null)
        {
            return AuthenticateResult.NoResult();
        }

        var credentials = ReadBasicCredentials(Request.Headers.Authorization);
        if (credentials is { IsMalformed: true })
        {
            return AuthenticateResult.Fail(AuthenticationFailedException.GenericMessage);
        }

        try
        {
            var user = await authenticator.AuthenticateAsync(workspace, credentials?.Value, ClientKind.ServiceAgent, Context.RequestAborted).ConfigureAwait(false);
            return AuthenticateResult.Success(new AuthenticationTicket(user.ToClaimsPrincipal(), Scheme.Name));
        }
        catch (AuthenticationFailedException) when (credentials is null)
        {
            // No credentials and no implicit anonymous access: the request is simply unauthenticated.
            return AuthenticateResult.NoResult();
        }
        catch (Exception e) when (e is AuthenticationFailedException or KeyNotFoundException or ArgumentException)
        {
            return AuthenticateResult.Fail(AuthenticationFailedException.GenericMessage);
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"Basic realm=\"{Options.Realm}\", charset=\"UTF-8\"";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, AuthenticationFailedException.GenericMessage);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "You may not do this.");

    private Task WriteProblemAsync(int status, string detail)
    {
        Response.StatusCode = status;
        return Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = ReasonPhrases.GetReasonPhrase(status), Detail = detail },
            options: null,
            contentType: "application/problem+json",
            cancellationToken: Context.RequestAborted);
    }

    // Null when there is no Basic header; malformed when there is one that cannot be read.
    private static (bool IsMalformed, PasswordCredentials? Value)? ReadBasicCredentials(string? header)
    {
        if (string.IsNullOrEmpty(header) || !AuthenticationHeaderValue.TryParse(header, out var parsed)
            || !string.Equals(parsed.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parsed.Parameter ?? string.Empty));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0 ? (true, null) : (false, new PasswordCredentials(decoded[..colon], decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return (true, null);
        }
    }
}
