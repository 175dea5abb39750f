using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using UserTypes.Sample.Demo;
using UserTypes.Sample.Hosting;
using static UserTypes.Sample.Hosting.HtmlPage;

namespace UserTypes.Sample.Federation;

/// <summary>
/// The browser's side of federated sign-in, as small server-rendered pages: choose a provider, see who is signed in,
/// and link an identity whose address an account already holds by signing in to that account once.
/// </summary>
internal static class FederationEndpoints
{
    public const string LoginPath = "/federation/login";
    public const string DonePath = "/federation/done";
    public const string LinkPath = "/federation/link";
    public const string RefusedPath = "/federation/refused";

    public static IEndpointRouteBuilder MapFederation(this IEndpointRouteBuilder app)
    {
        app.MapGet(LoginPath, ShowProviders);
        app.MapGet("/federation/challenge/{scheme}", ChallengeAsync);
        app.MapGet(DonePath, ShowSignedIn);
        app.MapGet(RefusedPath, () => new HtmlPage("Sign-in refused", "<p>The sign-in was refused.</p>"));
        app.MapGet(LinkPath, (HttpContext context, IAntiforgery antiforgery) => LinkPage(context, antiforgery));

        // A password is checked here: rate limited like every other credential endpoint.
        app.MapPost(LinkPath, LinkAsync).RequireRateLimiting(SampleRateLimiting.CredentialsPolicy);
        return app;
    }

    public static string LoginPathFor(string workspaceId) => $"{LoginPath}?workspace={Uri.EscapeDataString(workspaceId)}";

    private static IResult ShowProviders(string? workspace, SignInProviders providers)
    {
        if (string.IsNullOrEmpty(workspace))
        {
            return NoWorkspace();
        }

        var choices = providers.All.Count == 0
            ? $"<p>No provider is configured: add one under {Encode(SignInProviders.Section)}.</p>"
            : "<ul>" + string.Concat(providers.All.Select(provider =>
                $"""<li><a href="{Encode($"/federation/challenge/{Uri.EscapeDataString(provider.Scheme)}?workspace={Uri.EscapeDataString(workspace)}")}">{Encode(provider.DisplayName)}</a></li>""")) + "</ul>";
        return new HtmlPage("Sign in", $"<p>Sign in to workspace <strong>{Encode(workspace)}</strong> with:</p>{choices}");
    }

    private static async Task<IResult> ChallengeAsync(string scheme, string? workspace, HttpContext context, SignInProviders providers)
    {
        if (!providers.Offers(scheme))
        {
            return Results.NotFound();
        }

        if (string.IsNullOrEmpty(workspace))
        {
            return NoWorkspace();
        }

        // The workspace travels in the sign-in's protected state: the provider's answer cannot name another.
        await context.ChallengeFederatedAsync(scheme, workspace, DonePath);
        return Results.Empty;
    }

    private static IResult ShowSignedIn(HttpContext context) =>
        AuthenticatedUser.FromPrincipal(context.User) is { IsImplicitAnonymous: false } user
            ? new HtmlPage("Signed in", $"""
                <dl>
                <dt>User name</dt><dd id="user-name">{Encode(user.UserName)}</dd>
                <dt>User type</dt><dd id="user-type">{Encode(user.UserType.ToString())}</dd>
                <dt>Workspace</dt><dd id="workspace">{Encode(user.WorkspaceId)}</dd>
                </dl>
                """)
            : new HtmlPage("Not signed in", "<p>Nobody is signed in.</p>");

    private static async Task<IResult> LinkAsync([FromForm] string userName, [FromForm] string password, HttpContext context, IAntiforgery antiforgery)
    {
        AuthenticatedUser? linked;
        try
        {
            linked = await context.LinkFederatedIdentityAsync(new PasswordCredentials(userName, password));
        }
        catch (AuthenticationFailedException)
        {
            return LinkPage(context, antiforgery, AuthenticationFailedException.GenericMessage, StatusCodes.Status401Unauthorized);
        }

        return linked is null
            ? LinkPage(context, antiforgery, "Nothing was linked: that account does not hold this address, or no sign-in is waiting.", StatusCodes.Status400BadRequest)
            : Results.Redirect(DonePath);
    }

    // The pending identity, and the form that links it; with the outcome of a try, when there was one.
    private static HtmlPage LinkPage(HttpContext context, IAntiforgery antiforgery, string? message = null, int statusCode = StatusCodes.Status200OK)
    {
        var outcome = message is null ? string.Empty : $"""<p id="message">{Encode(message)}</p>""";
        if (context.GetPendingFederatedLink() is not { } pending)
        {
            return new HtmlPage("Link an identity", $"{outcome}<p>No sign-in is waiting to be linked; one waits for ten minutes.</p>", statusCode);
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        return new HtmlPage("Link an identity", $"""
            {outcome}
            <p>You signed in as <strong id="email">{Encode(pending.Email)}</strong> with <strong id="issuer">{Encode(pending.Issuer)}</strong>,
            and an account of workspace <strong>{Encode(pending.WorkspaceId)}</strong> already holds this address. Sign in to that
            account once to link them; from then on this identity signs in to it directly.</p>
            <form method="post" action="{Encode(LinkPath)}">
            <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">
            <label>User name <input name="userName" autocomplete="username" required></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">Link and sign in</button>
            </form>
            """, statusCode);
    }

    private static HtmlPage NoWorkspace() =>
        new("Sign in", $"<p>Name the workspace to sign in to, as in {Encode(LoginPathFor(DemoWorkspace.Id))}.</p>", StatusCodes.Status400BadRequest);
}
