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
    [Test]
    public async Task SignInWebUser_SetsACookieThatCarriesTheUserTypeAndRights()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddUserTypes(o => o.Password.WorkFactor = 4).AddInMemoryStores();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorizationBuilder().AddPolicy("edit", p => p.RequireDataRight("contact", DataRights.Edit));
        builder.Services.AddAuthentication().AddUserTypesScheme();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost("/login", async (HttpContext c) =>
        {
            try
            {
                var user = await c.SignInWebUserAsync("acme", new PasswordCredentials(c.Request.Query["user"]!, c.Request.Query["password"]!));
                return Results.Ok(user.UserType.ToString());
            }
            catch (AuthenticationFailedException e)
            {
                return Results.Problem(e.Message, statusCode: 401);
            }
        });
        app.MapPost("/contacts", () => Results.Ok()).RequireAuthorization("edit");
        await app.StartAsync();
        await app.Services.GetRequiredService<IWorkspaceDirectory>().CreateAsync("acme", "owner@softr.io");
        await app.Services.GetRequiredService<IUserDirectory>().CreateInternalUserAsync("acme", "staff", "staff@softr.io", "correct horse battery");
        var server = app.GetTestServer();

        var wrong = await server.CreateClient().PostAsync("/login?user=staff&password=nope", null);
        var login = await server.CreateClient().PostAsync("/login?user=staff&password=correct%20horse%20battery", null);
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var withCookie = new HttpRequestMessage(HttpMethod.Post, "/contacts");
        withCookie.Headers.Add("Cookie", cookie);
        var allowed = await server.CreateClient().SendAsync(withCookie);

        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
