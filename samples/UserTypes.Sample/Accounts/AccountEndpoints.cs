using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using UserTypes.Sample.Contacts;
using UserTypes.Sample.Hosting;

namespace UserTypes.Sample.Accounts;

/// <summary>Sign-up, confirmation, web login, the caller's own view, external users and seat usage.</summary>
internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder workspace)
    {
        workspace.MapPost("/signup", SignUpAsync);
        workspace.MapPost("/signup/confirm", ConfirmEmailAsync);
        workspace.MapPost("/login", LoginAsync);
        workspace.MapPost("/logout", (Delegate)LogoutAsync);
        workspace.MapGet("/me", Me).RequireAuthorization(SamplePolicies.AnyUser);
        workspace.MapPost("/external-users", CreateExternalUserAsync).RequireAuthorization(SamplePolicies.CreateExternalUsers);
        workspace.MapGet("/seats", GetSeatUsageAsync).RequireAuthorization(SamplePolicies.InternalUsers);
        return workspace;
    }

    // No mail is sent: in Development the token comes back so the flow can be tried; elsewhere it would be e-mailed.
    private static async Task<IResult> SignUpAsync(
        string workspaceId, SignUpRequest request, IUserDirectory users, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        var result = await users.SignUpAsync(workspaceId, request.Email, request.Password, cancellationToken);
        var token = environment.IsDevelopment() ? result.EmailConfirmationToken : null;
        return TypedResults.Created((string?)null, new SignUpResponse(AccountResponse.From(result.Account), token));
    }

    private static async Task<IResult> ConfirmEmailAsync(string workspaceId, ConfirmEmailRequest request, IUserDirectory users, CancellationToken cancellationToken) =>
        TypedResults.Ok(AccountResponse.From(await users.ConfirmEmailAsync(workspaceId, request.UserId, request.Token, cancellationToken)));

    // A failure, an unknown workspace included, is the one generic 401 the problem details handler writes.
    private static async Task<IResult> LoginAsync(string workspaceId, LoginRequest request, HttpContext context) =>
        TypedResults.Ok(MeResponse.From(await context.SignInWebUserAsync(workspaceId, new PasswordCredentials(request.UserName, request.Password))));

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
