using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace UserTypes.Tests.AspNetCore;

public sealed class CookieSignInTests
{
    private const string Password = "correct horse battery";

    private WebApplication _app = null!;

    [SetUp]
    public async Task SetUp()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddUserTypes(o =>
        {
            o.Password.WorkFactor = 4;
            o.Mail.Enabled = false;
        }).AddInMemoryStores();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorizationBuilder().AddPolicy("edit", p => p.RequireDataRight("contact", DataRights.Edit));
        builder.Services.AddAuthentication().AddUserTypesScheme();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapPost("/{workspaceId}/login", async (string workspaceId, HttpContext c) =>
        {
            try
            {
                var user = await c.SignInWebUserAsync(workspaceId, new PasswordCredentials(c.Request.Query["user"]!, c.Request.Query["password"]!));
                return Results.Ok(user.UserType.ToString());
            }
            catch (AuthenticationFailedException e)
            {
                return Results.Problem(e.Message, statusCode: 401);
            }
        });
        _app.MapPost("/{workspaceId}/contacts", () => Results.Ok()).RequireAuthorization("edit");
        _app.MapPost("/contacts", () => Results.Ok()).RequireAuthorization("edit");
        await _app.StartAsync();
        foreach (var workspace in new[] { "acme", "other" })
        {
            await _app.Services.GetRequiredService<IWorkspaceDirectory>().CreateAsync(workspace, "owner@softr.io");
            await _app.Services.GetRequiredService<IUserDirectory>().CreateInternalUserAsync(workspace, "staff", "staff@softr.io", Password);
        }
    }

    [TearDown]
    public async Task TearDown()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<string> SignInAsync(string workspace)
    {
        var login = await _app.GetTestClient().PostAsync($"/{workspace}/login?user=staff&password={Uri.EscapeDataString(Password)}", null);
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        return login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    private Task<HttpResponseMessage> PostWithCookieAsync(string path, string cookie, string? workspaceHeader = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Cookie", cookie);
        if (workspaceHeader is not null)
        {
            request.Headers.Add("X-Workspace", workspaceHeader);
        }

        return _app.GetTestClient().SendAsync(request);
    }

    [Test]
    public async Task SignInWebUser_SetsACookieThatCarriesTheUserTypeAndRights()
    {
        var wrong = await _app.GetTestClient().PostAsync("/acme/login?user=staff&password=nope", null);
        var cookie = await SignInAsync("acme");

        var allowed = await PostWithCookieAsync("/acme/contacts", cookie);

        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task ACookieOfOneWorkspace_OpensNothingInAnother()
    {
        var cookie = await SignInAsync("acme");

        var byRoute = await PostWithCookieAsync("/other/contacts", cookie);
        var byHeader = await PostWithCookieAsync("/contacts", cookie, workspaceHeader: "other");
        var ownByHeader = await PostWithCookieAsync("/contacts", cookie, workspaceHeader: "acme");
        var noWorkspaceNamed = await PostWithCookieAsync("/contacts", cookie);

        // The cookie scheme forbids by redirecting to its access-denied page.
        byRoute.StatusCode.Should().Be(HttpStatusCode.Redirect);
        byRoute.Headers.Location!.AbsolutePath.Should().Be("/Account/AccessDenied");
        byHeader.StatusCode.Should().Be(HttpStatusCode.Redirect);
        ownByHeader.StatusCode.Should().Be(HttpStatusCode.OK);
        noWorkspaceNamed.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
