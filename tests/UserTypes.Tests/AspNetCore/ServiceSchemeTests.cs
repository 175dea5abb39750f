using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UserTypes.AspNetCore;

namespace UserTypes.Tests.AspNetCore;

public sealed class ServiceSchemeTests
{
    private const string Workspace = "acme";
    private const string Password = "correct horse battery staple";

    private WebApplication _app = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUp()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddUserTypes(o =>
        {
            o.Password.WorkFactor = 4;
            o.Mail.Enabled = false;
            o.ExternalUsers.Enabled = true;
            o.AnonymousUsers.AllowImplicit = true;

            // No queue: the tests that fill the hashing gate hold all of its slots themselves.
            o.Password.HashingQueueLength = 0;
        }).AddInMemoryStores();
        builder.Services.AddAuthentication(UserTypesAuthenticationDefaults.AuthenticationScheme).AddUserTypesScheme();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy("view-contacts", p => p.RequireDataRight("contact", DataRights.View))
            .AddPolicy("edit-contacts", p => p.RequireDataRight("contact", DataRights.Edit))
            .AddPolicy("internal-only", p => p.RequireUserType(UserType.Internal))
            .AddPolicy("create-external", p => p.RequireFunctionalRight(FunctionalRights.CreateExternalUsers));
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapGet("/{workspaceId}/contacts", (HttpContext c) => Results.Ok(c.User.Identity?.Name)).RequireAuthorization("view-contacts");
        _app.MapPost("/{workspaceId}/contacts", () => Results.Ok("created")).RequireAuthorization("edit-contacts");
        _app.MapGet("/contacts", (HttpContext c) => Results.Ok(c.User.Identity?.Name)).RequireAuthorization("view-contacts");
        _app.MapGet("/{workspaceId}/reports", () => Results.Ok("reports")).RequireAuthorization("internal-only");
        _app.MapPost("/{workspaceId}/partners", () => Results.Ok("partner")).RequireAuthorization("create-external");
        await _app.StartAsync();
        _client = _app.GetTestClient();

        var services = _app.Services;
        var workspaces = services.GetRequiredService<IWorkspaceDirectory>();
        var users = services.GetRequiredService<IUserDirectory>();
        await workspaces.CreateAsync(Workspace, "owner@softr.io");
        await workspaces.SetLicenseAsync(Workspace, new WorkspaceLicense { ExternalUsers = true, AnonymousUsers = true });
        await users.CreateInternalUserAsync(Workspace, "admin", "admin@softr.io", Password,
            new RightsGrant { FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers } });
        var actor = await services.GetRequiredService<IAuthenticator>().AuthenticateAsync(Workspace, new PasswordCredentials("admin", Password), ClientKind.ServiceAgent);
        await users.CreateExternalUserAsync(actor, "person-1", "partner", "partner@elsewhere.example", Password);
        await users.SetAnonymousUserAsync(Workspace, "anonymous", Password);
    }

    [TearDown]
    public async Task TearDown()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? user = null, string? password = Password)
    {
        var request = new HttpRequestMessage(method, $"/{Workspace}{path}");
        if (user is not null)
        {
            request.Headers.Authorization = BasicAuthorization.For(user, password);
        }

        return _client.SendAsync(request);
    }

    [Test]
    public async Task Anonymous_MayRead()
    {
        var response = await SendAsync(HttpMethod.Get, "/contacts");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Anonymous_MayNotWrite_ItIsKnownAndDenied()
    {
        var response = await SendAsync(HttpMethod.Post, "/contacts");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Status.Should().Be(403);
    }

    [Test]
    public async Task External_FromTheServiceScheme_MayRead_ButNotWriteOrReachInternalOnly()
    {
        (await SendAsync(HttpMethod.Get, "/contacts", "partner")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync(HttpMethod.Post, "/contacts", "partner")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await SendAsync(HttpMethod.Get, "/reports", "partner")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Internal_MayWrite_AndUseItsFunctionalRight()
    {
        (await SendAsync(HttpMethod.Post, "/contacts", "admin")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync(HttpMethod.Post, "/partners", "admin")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync(HttpMethod.Post, "/partners", "partner")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [TestCase("admin", "wrong password")]
    [TestCase("nobody", Password)]
    public async Task WrongCredentials_Are401_WithAChallengeAndTheGenericBody(string user, string password)
    {
        var response = await SendAsync(HttpMethod.Get, "/contacts", user, password);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be("Basic");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Detail.Should().Be(AuthenticationFailedException.GenericMessage);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("InvalidCredentials").And.NotContain(password);
    }

    [TestCase("Basic not-base64!")]
    [TestCase("Basic bm9jb2xvbg==")]
    public async Task MalformedBasicHeader_Is401(string header)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/{Workspace}/contacts");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task UnknownWorkspace_Is401_NeverA500()
    {
        var response = await _client.GetAsync("/no-such-workspace/contacts");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task WorkspaceFromTheHeader_IsUsedWhenTheRouteHasNone()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/contacts");
        request.Headers.Add("X-Workspace", Workspace);
        request.Headers.Authorization = BasicAuthorization.For("partner", Password);

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("partner");
    }

    [Test]
    public async Task NoWorkspaceAnywhere_IsUnauthenticated()
    {
        (await _client.GetAsync("/contacts")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<HttpResponseMessage> SendWithKeyAsync(string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/{Workspace}{path}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return await _client.SendAsync(request);
    }

    private async Task<CreatedApiKey> CreateKeyAsync(string user)
    {
        var agent = await _app.Services.GetRequiredService<IAuthenticator>().AuthenticateAsync(Workspace, new PasswordCredentials(user, Password), ClientKind.ServiceAgent);
        return await _app.Services.GetRequiredService<IApiKeys>().CreateAsync(agent, "agent");
    }

    [Test]
    public async Task AnApiKey_AsABearerToken_ActsAsItsAccount_UntilRevoked()
    {
        var key = await CreateKeyAsync("partner");

        var served = await SendWithKeyAsync("/contacts", key.Key);
        var denied = await SendWithKeyAsync("/reports", key.Key);
        await _app.Services.GetRequiredService<IApiKeys>().RevokeWorkspaceKeyAsync(Workspace, key.ApiKey.Id);
        var revoked = await SendWithKeyAsync("/contacts", key.Key);

        served.StatusCode.Should().Be(HttpStatusCode.OK);
        (await served.Content.ReadAsStringAsync()).Should().Contain("partner");
        denied.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the key has the external account's rights, never more");
        revoked.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "revocation takes effect on the very next call");
    }

    [Test]
    public async Task ABearerTokenOfAnotherIssuer_IsLeftToItsOwnScheme_NotRunAsAnonymous()
    {
        var response = await SendWithKeyAsync("/contacts", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a token this scheme does not own gets no result, never the anonymous user");
    }

    [Test]
    public async Task AForgedOrMalformedKey_Is401()
    {
        var key = (await CreateKeyAsync("admin")).Key;
        var forged = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');

        (await SendWithKeyAsync("/contacts", forged)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SendWithKeyAsync("/contacts", ApiKey.Prefix + "short")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SendWithKeyAsync("/contacts", key + "A")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AFullHashingGate_Is503WithRetryAfter_ForPasswords_WhileAnonymousAndKeysGoOn()
    {
        var key = await CreateKeyAsync("admin");
        var gate = _app.Services.GetRequiredService<HashingGate>();
        var slots = new List<System.Threading.RateLimiting.RateLimitLease>();
        try
        {
            for (var i = 0; i < _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<UserTypesOptions>>().Value.Password.HashingConcurrency; i++)
            {
                slots.Add(await gate.EnterAsync(CancellationToken.None));
            }

            var busy = await SendAsync(HttpMethod.Get, "/contacts", "partner", "a password never verified");
            var anonymous = await SendAsync(HttpMethod.Get, "/contacts");
            var withKey = await SendWithKeyAsync("/contacts", key.Key);

            busy.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            busy.Headers.RetryAfter!.Delta.Should().BePositive();
            (await busy.Content.ReadFromJsonAsync<ProblemDetails>())!.Status.Should().Be(503);
            anonymous.StatusCode.Should().Be(HttpStatusCode.OK);
            withKey.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            slots.ForEach(slot => slot.Dispose());
        }

        (await SendAsync(HttpMethod.Get, "/contacts", "partner")).StatusCode.Should().Be(HttpStatusCode.OK, "a free slot checks passwords again");
    }
}
