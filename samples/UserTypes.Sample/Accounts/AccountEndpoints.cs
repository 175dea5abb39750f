using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using UserTypes.Sample.Contacts;
using UserTypes.Sample.Hosting;

namespace UserTypes.Sample.Accounts;

/// <summary>
/// Sign-up (e-mail first), password reset and change, web login, the caller's own view, external users and seat
/// usage. Tokens travel only by mail: no response ever carries one, in Development or not.
/// </summary>
internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder workspace)
    {
        // Everything that takes a password or a mailed token, or sends mail, is rate limited per client address.
        var credentials = workspace.MapGroup("").RequireRateLimiting(SampleRateLimiting.CredentialsPolicy);
        credentials.MapPost("/signup", RequestSignUpAsync);
        credentials.MapPost("/signup/complete", CompleteSignUpAsync);
        credentials.MapPost("/password-reset", RequestPasswordResetAsync);
        credentials.MapPost("/password-reset/complete", ResetPasswordAsync);
        credentials.MapPost("/me/password", ChangePasswordAsync).RequireAuthorization(SamplePolicies.AnyUser);
        credentials.MapPost("/me/email", RequestEmailChangeAsync).RequireAuthorization(SamplePolicies.AnyUser);
        credentials.MapPost("/me/email/confirm", ConfirmEmailChangeAsync);
        credentials.MapPost("/login", LoginAsync);
        workspace.MapPost("/logout", (Delegate)LogoutAsync);
        workspace.MapGet("/me", Me).RequireAuthorization(SamplePolicies.AnyUser);
        workspace.MapPost("/external-users", CreateExternalUserAsync).RequireAuthorization(SamplePolicies.CreateExternalUsers);
        workspace.MapGet("/seats", GetSeatUsageAsync).RequireAuthorization(SamplePolicies.InternalUsers);
        return workspace;
    }

    // 202 for every address, whether it has an account or not: only the mailbox learns which.
    private static async Task<IResult> RequestSignUpAsync(string workspaceId, EmailRequest request, IUserDirectory users, CancellationToken cancellationToken)
    {
        await users.RequestSignUpAsync(workspaceId, request.Email, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<IResult> CompleteSignUpAsync(string workspaceId, CompleteSignUpRequest request, IUserDirectory users, CancellationToken cancellationToken) =>
        TypedResults.Created((string?)null, AccountResponse.From(await users.CompleteSignUpAsync(workspaceId, request.Email, request.Token, request.Password, cancellationToken)));

    private static async Task<IResult> RequestPasswordResetAsync(string workspaceId, EmailRequest request, IUserDirectory users, CancellationToken cancellationToken)
    {
        await users.RequestPasswordResetAsync(workspaceId, request.Email, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<IResult> ResetPasswordAsync(string workspaceId, ResetPasswordRequest request, IUserDirectory users, CancellationToken cancellationToken)
    {
        await users.ResetPasswordAsync(workspaceId, request.Email, request.Token, request.NewPassword, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ChangePasswordAsync(ChangePasswordRequest request, HttpContext context, IUserDirectory users, CancellationToken cancellationToken)
    {
        if (AuthenticatedUser.FromPrincipal(context.User) is not { } user)
        {
            return TypedResults.Forbid();
        }

        // The change ends every session of the account; the one that made it, if it is a cookie session, goes on.
        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword, cancellationToken);
        if ((await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme)).Succeeded)
        {
            await context.RenewWebUserSignInAsync(changed);
        }

        return TypedResults.NoContent();
    }

    private static async Task<IResult> RequestEmailChangeAsync(ChangeEmailRequest request, HttpContext context, IUserDirectory users, CancellationToken cancellationToken)
    {
        if (AuthenticatedUser.FromPrincipal(context.User) is not { } user)
        {
            return TypedResults.Forbid();
        }

        await users.RequestEmailChangeAsync(user, request.CurrentPassword, request.NewEmail, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<IResult> ConfirmEmailChangeAsync(string workspaceId, ConfirmEmailChangeRequest request, IUserDirectory users, CancellationToken cancellationToken) =>
        TypedResults.Ok(AccountResponse.From(await users.ConfirmEmailChangeAsync(workspaceId, request.UserId, request.Token, cancellationToken)));

    // A failure, an unknown workspace included, is the one generic 401 the problem details handler writes.
    private static async Task<IResult> LoginAsync(string workspaceId, LoginRequest request, HttpContext context) =>
        TypedResults.Ok(MeResponse.From(await context.SignInWebUserAsync(workspaceId, new PasswordCredentials(request.UserName, request.Password))));

    // Signing out ends the session on the server too: a copy of the cookie is dead from now on.
    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static IResult Me(HttpContext context) =>
        AuthenticatedUser.FromPrincipal(context.User) is { } user ? TypedResults.Ok(MeResponse.From(user)) : TypedResults.Forbid();

    private static async Task<IResult> CreateExternalUserAsync(
        string workspaceId, ExternalUserRequest request, HttpContext context, IUserDirectory users, ContactStore contacts, CancellationToken cancellationToken)
    {
        if (AuthenticatedUser.FromPrincipal(context.User) is not { } actor)
        {
            return TypedResults.Forbid();
        }

        if (await contacts.FindAsync(workspaceId, request.ContactId, cancellationToken) is not { } person)
        {
            return TypedResults.Problem($"There is no contact {request.ContactId} in this workspace.", statusCode: StatusCodes.Status404NotFound);
        }

        var account = await users.CreateExternalUserAsync(actor, person.PersonId, request.UserName, person.Email, request.Password, cancellationToken);
        return TypedResults.Created((string?)null, AccountResponse.From(account));
    }

    private static async Task<IResult> GetSeatUsageAsync(string workspaceId, IUserDirectory users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.GetSeatUsageAsync(workspaceId, cancellationToken));
}
