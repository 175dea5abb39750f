using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserTypes.AspNetCore;

namespace UserTypes.Tests.AspNetCore;

/// <summary>The ASP.NET Core conventions a host expects: named schemes, events, one handler per requirement, problem details.</summary>
public sealed class ConventionsTests
{
    private const string Workspace = "acme";
    private const string Password = "correct horse battery staple";

    private WebApplication? _app;

    [TearDown]
    public async Task TearDown()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Test]
    public async Task ASchemeOfItsOwnName_AndTheSharedWorkspaceOptions_AuthenticateTheCall()
    {
        var client = await StartAsync(
            services =>
            {
                services.AddAuthentication("service").AddUserTypesScheme("service", "Service calls", o => o.Realm = "Acme");
                services.Configure<UserTypesWorkspaceOptions>(o => o.Header = "X-Tenant");
            },
            app => app.MapGet("/whoami", (HttpContext c) => c.User.Identity!.Name).RequireAuthorization(p => p.AddAuthenticationSchemes("service").RequireUserType(UserType.Internal)));

        var scheme = await _app!.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync("service");
        var response = await client.SendAsync(Request("/whoami", "staff", ("X-Tenant", Workspace)));
        var challenged = await client.SendAsync(Request("/whoami", "staff", password: "wrong", headers: ("X-Tenant", Workspace)));

        scheme!.DisplayName.Should().Be("Service calls");
        (await response.Content.ReadAsStringAsync()).Should().Be("staff");
        challenged.Headers.WwwAuthenticate.Should().ContainSingle().Which.Parameter.Should().Contain("realm=\"Acme\"");
    }

    [TestCase("")]
    [TestCase(" ")]
    public async Task AnEmptyWorkspaceRouteValue_FailsAtStartUp(string routeValue)
    {
        var start = () => StartAsync(services =>
        {
            services.AddAuthentication().AddUserTypesScheme();
            services.Configure<UserTypesWorkspaceOptions>(o => o.RouteValue = routeValue);
        });

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("RouteValue");
    }

    [Test]
    public async Task Events_SeeEveryStep_AndMayChangeTheOutcome()
    {
        var reasons = new List<AuthenticationFailureReason>();
        var client = await StartAsync(services => services.AddAuthentication(UserTypesAuthenticationDefaults.AuthenticationScheme).AddUserTypesScheme(o => o.Events = new UserTypesAuthenticationEvents
        {
            OnAuthenticating = context =>
            {
                if (context.Request.Headers.ContainsKey("X-Blocked"))
                {
                    context.NoResult();
                }

                return Task.CompletedTask;
            },
            OnAuthenticated = context =>
            {
                context.Principal!.AddIdentity(new ClaimsIdentity([new Claim("tenant-tier", "gold")]));
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                reasons.Add(context.Reason);
                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.StatusCode = 401;
                await context.Response.WriteAsync("custom challenge");
            },
        }));

        var tier = await client.SendAsync(Request("/tier", "staff"));
        var blocked = await client.SendAsync(Request("/tier", "staff", headers: ("X-Blocked", "1")));
        var wrong = await client.SendAsync(Request("/tier", "staff", password: "wrong"));

        (await tier.Content.ReadAsStringAsync()).Should().Be("gold");
        blocked.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the event left the request unauthenticated");
        (await wrong.Content.ReadAsStringAsync()).Should().Be("custom challenge");
        wrong.Headers.WwwAuthenticate.Should().BeEmpty();
        reasons.Should().Equal(AuthenticationFailureReason.InvalidCredentials);
    }

    [Test]
    public async Task EventsType_FromTheContainer_IsUsed()
    {
        var client = await StartAsync(services =>
        {
            services.AddSingleton<TierEvents>();
            services.AddAuthentication(UserTypesAuthenticationDefaults.AuthenticationScheme).AddUserTypesScheme(o => o.EventsType = typeof(TierEvents));
        });

        (await (await client.SendAsync(Request("/tier", "staff"))).Content.ReadAsStringAsync()).Should().Be("platinum");
    }

    [Test]
    public async Task EachRequirement_HasAHandlerOfItsOwn()
    {
        await StartAsync(services => services.AddAuthentication().AddUserTypesScheme());

        _app!.Services.GetServices<IAuthorizationHandler>().Select(h => h.GetType().Name).Should().Contain(
            ["UserTypeRequirementHandler", "FunctionalRightRequirementHandler", "DataRightRequirementHandler"]);
    }

    [Test]
    public void Requirements_ReadWellInTheFailureLog()
    {
        new UserTypeRequirement([UserType.Internal, UserType.External]).ToString()
            .Should().Be("UserTypeRequirement: the user type must be one of (Internal|External)");
        new FunctionalRightRequirement(FunctionalRights.ManageRights).ToString()
            .Should().Be("FunctionalRightRequirement: the user must hold the functional right 'manage-rights'");
        new DataRightRequirement("contact", DataRights.View | DataRights.Edit).ToString()
            .Should().Be("DataRightRequirement: the user must have View, Edit on 'contact'");
    }

    [Test]
    public async Task ResourceBasedAuthorization_InAnotherWorkspacesRequest_IsDenied()
    {
        var client = await StartAsync(services => services.AddAuthentication(UserTypesAuthenticationDefaults.AuthenticationScheme).AddUserTypesScheme(), app =>
            app.MapGet("/{workspaceId}/documents", async (HttpContext c, IAuthorizationService authorization) =>
            {
                var policy = new AuthorizationPolicyBuilder().RequireDataRight("contact", DataRights.View).Build();
                var result = await authorization.AuthorizeAsync(c.User, resource: "document-7", policy);
                return result.Succeeded ? "allowed" : "denied";
            }));
        await _app!.Services.GetRequiredService<IWorkspaceDirectory>().CreateAsync("other", "owner@elsewhere.example");

        // Through HTTP the scheme itself refuses another workspace's route, so the handler is asked directly, with the
        // current request naming another workspace and a resource that is not the request.
        var own = await client.SendAsync(Request($"/{Workspace}/documents", "staff"));
        var principal = await _app.Services.GetRequiredService<IAuthenticator>().AuthenticateAsync(Workspace, new PasswordCredentials("staff", Password), ClientKind.ServiceAgent);
        var handler = _app.Services.GetServices<IAuthorizationHandler>().OfType<AuthorizationHandler<DataRightRequirement>>().Single();
        var requirement = new DataRightRequirement("contact", DataRights.View);
        var context = new AuthorizationHandlerContext([requirement], principal.ToClaimsPrincipal(), resource: "document-7");
        _app.Services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { Request = { RouteValues = { ["workspaceId"] = "other" } } };
        await handler.HandleAsync(context);

        (await own.Content.ReadAsStringAsync()).Should().Be("allowed");
        context.HasSucceeded.Should().BeFalse("the current request names another workspace than the principal's");
    }

    [TestCase("Bearer some-token")]
    [TestCase("Digest username=\"staff\"")]
    [TestCase("garbage")]
    public async Task AnAuthorizationHeaderTheSchemeDoesNotRead_IsNeverTheAnonymousUser(string header)
    {
        var client = await StartAsync(services => services.AddAuthentication(UserTypesAuthenticationDefaults.AuthenticationScheme).AddUserTypesScheme());
        var withoutCredentials = await client.GetAsync($"/{Workspace}/contacts");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/{Workspace}/contacts");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await client.SendAsync(request);

        withoutCredentials.StatusCode.Should().Be(HttpStatusCode.OK, "a call without credentials runs as the anonymous user");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task BasicCredentialsThatAreNotUtf8_AreRefused()
    {
        var client = await StartAsync(services => services.AddAuthentication(UserTypesAuthenticationDefaults.AuthenticationScheme).AddUserTypesScheme());
        var request = new HttpRequestMessage(HttpMethod.Get, $"/{Workspace}/contacts");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String([.. "staff:"u8, 0xC3, 0x28, .. "pw"u8]));

        (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [TestCase("auth", 401, AuthenticationFailedException.GenericMessage)]
    [TestCase("workspace", 404, "There is no such workspace.")]
    [TestCase("seat", 409, null)]
    [TestCase("external-off", 403, null)]
    [TestCase("library-bad-input", 400, null)]
    public async Task ProblemDetails_AnswerEachLibraryRefusalWithItsStatus(string failure, int status, string? detail)
    {
        var client = await StartAsync(
            services =>
            {
                services.AddUserTypesProblemDetails();
                services.AddAuthentication().AddUserTypesScheme();
            },
            app => app.MapPost("/fail/{failure}", async (string failure, IServiceProvider services) =>
            {
                var users = services.GetRequiredService<IUserDirectory>();
                switch (failure)
                {
                    case "auth":
                        await services.GetRequiredService<IAuthenticator>().AuthenticateAsync(Workspace, new PasswordCredentials("staff", "wrong"), ClientKind.WebApplication);
                        break;
                    case "workspace":
                        await users.GetSeatUsageAsync("nowhere");
                        break;
                    case "seat":
                        await services.GetRequiredService<IWorkspaceDirectory>().SetLicenseAsync(Workspace, new WorkspaceLicense { MaxInternalUsers = 1 });
                        await users.CreateInternalUserAsync(Workspace, "second", "second@softr.io", Password);
                        break;
                    case "external-off":
                        var actor = await services.GetRequiredService<IAuthenticator>().AuthenticateAsync(Workspace, new PasswordCredentials("staff", Password), ClientKind.WebApplication);
                        await users.CreateExternalUserAsync(actor, "p-1", "partner", "partner@elsewhere.example", Password);
                        break;
                    default:
                        await users.CreateInternalUserAsync(Workspace, "x", "not an address", Password);
                        break;
                }

                return "unreachable";
            }),
            externalUsers: false);

        var response = await client.PostAsync($"/fail/{failure}", null);

        response.StatusCode.Should().Be((HttpStatusCode)status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Status.Should().Be(status);
        if (detail is not null)
        {
            problem.Detail.Should().Be(detail);
        }

        (await response.Content.ReadAsStringAsync()).Should().NotContain("InvalidCredentials").And.NotContain("wrong")
            .And.NotContain(Workspace, "refusals carry fixed details, never the log message naming the workspace or its licence");
    }

    [Test]
    public async Task ProblemDetails_LeaveAnArgumentExceptionThatOnlyPassedThroughUserTypesAlone()
    {
        var client = await StartAsync(
            services => services.AddSingleton<IWorkspaceStore>(sp => new ThrowingWorkspaceStore(sp.GetRequiredService<IUserTypesStore>())),
            app => app.MapGet("/through-the-library", async (IWorkspaceDirectory workspaces) => await workspaces.FindAsync(ThrowingWorkspaceStore.Broken)));

        var response = await client.GetAsync("/through-the-library");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("driver detail");
    }

    [Test]
    public async Task ProblemDetails_LeaveTheHostsOwnArgumentExceptionsAlone()
    {
        var client = await StartAsync(
            _ => { },
            app => app.MapGet("/host-bug", string () => throw new ArgumentException("the host's internal detail", "secret")));

        var response = await client.GetAsync("/host-bug");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("internal detail");
    }

    [Test]
    public void AddUserTypesProblemDetails_Twice_RegistersOneHandler()
    {
        var services = new ServiceCollection();

        services.AddUserTypesProblemDetails().AddUserTypesProblemDetails();

        services.Count(d => d.ServiceType == typeof(Microsoft.AspNetCore.Diagnostics.IExceptionHandler)).Should().Be(1);
    }

    [Test]
    public void EveryLibraryException_HasAStatusCode()
    {
        var refusals = typeof(UserTypesException).Assembly.GetExportedTypes()
            .Where(type => type.IsSubclassOf(typeof(UserTypesException)) && !type.IsAbstract)
            .ToList();

        refusals.Should().NotBeEmpty();
        refusals.Should().AllSatisfy(type =>
            UserTypesExceptionHandler.Describe((Exception)RuntimeHelpers.GetUninitializedObject(type)).Should().NotBeNull($"{type.Name} needs a status code"));
    }

    private static HttpRequestMessage Request(string path, string user, params (string Name, string Value)[] headers) =>
        Request(path, user, Password, headers);

    private static HttpRequestMessage Request(string path, string user, string password, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = BasicAuthorization.For(user, password);
        request.Headers.Add("X-Workspace", Workspace);
        foreach (var (name, value) in headers)
        {
            request.Headers.Remove(name);
            request.Headers.Add(name, value);
        }

        return request;
    }

    private async Task<HttpClient> StartAsync(Action<IServiceCollection> configure, Action<WebApplication>? map = null, bool externalUsers = true)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddUserTypes(o =>
        {
            o.Password.WorkFactor = 4;
            o.Mail.Enabled = false;
            o.ExternalUsers.Enabled = externalUsers;
            o.AnonymousUsers.AllowImplicit = true;
        }).AddInMemoryStores();
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorization();
        builder.Services.AddUserTypesProblemDetails();
        configure(builder.Services);
        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapGet("/tier", (HttpContext c) => c.User.FindFirst("tenant-tier")?.Value).RequireAuthorization();
        _app.MapGet("/{workspaceId}/contacts", () => "contacts").RequireAuthorization(p => p.RequireDataRight("contact", DataRights.View));
        map?.Invoke(_app);
        await _app.StartAsync();
        var directory = _app.Services.GetRequiredService<IWorkspaceDirectory>();
        await directory.CreateAsync(Workspace, "owner@softr.io");
        await directory.SetLicenseAsync(Workspace, new WorkspaceLicense { AnonymousUsers = true, ExternalUsers = true });
        var users = _app.Services.GetRequiredService<IUserDirectory>();
        await users.CreateInternalUserAsync(Workspace, "staff", "staff@softr.io", Password,
            new RightsGrant { FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers } });
        await users.SetAnonymousUserAsync(Workspace, "anonymous", Password);
        return _app.GetTestClient();
    }

    // A host's store whose read of one workspace fails with an ArgumentException of its own, as a database driver's might.
    private sealed class ThrowingWorkspaceStore(IWorkspaceStore inner) : IWorkspaceStore
    {
        public const string Broken = "broken";

        public Task<bool> TryCreateAsync(WorkspaceRecord workspace, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) => inner.TryCreateAsync(workspace, audit, cancellationToken);

        public Task<WorkspaceRecord?> FindAsync(string workspaceId, CancellationToken cancellationToken) => workspaceId == Broken
            ? throw new ArgumentException("driver detail: connection string for db-7 rejected", "connectionString")
            : inner.FindAsync(workspaceId, cancellationToken);

        public Task<WorkspaceRecord?> TryApplyAsync(WorkspaceChange change, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) => inner.TryApplyAsync(change, audit, cancellationToken);
    }

    private sealed class TierEvents : UserTypesAuthenticationEvents
    {
        public override Task AuthenticatedAsync(UserTypesAuthenticatedContext context)
        {
            context.Principal!.AddIdentity(new ClaimsIdentity([new Claim("tenant-tier", "platinum")]));
            return Task.CompletedTask;
        }
    }
}
