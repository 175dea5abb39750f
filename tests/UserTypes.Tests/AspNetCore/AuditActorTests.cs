using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UserTypes.AspNetCore;

namespace UserTypes.Tests.AspNetCore;

/// <summary>The request's user is the actor of a trusted call only in the workspace the request names, and never the implicit anonymous user.</summary>
public sealed class AuditActorTests
{
    private const string Workspace = "acme";

    private TestHost _host = null!;
    private AuthenticatedUser _staff = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = new TestHost(o => o.AnonymousUsers.AllowImplicit = true);
        await _host.Workspaces.CreateAsync(Workspace, "owner@softr.io");
        await _host.Workspaces.SetLicenseAsync(Workspace, new WorkspaceLicense { AnonymousUsers = true });
        await _host.Users.CreateInternalUserAsync(Workspace, "staff", "staff@softr.io", TestHost.Password);
        await _host.Users.SetAnonymousUserAsync(Workspace, "visitor", "an anonymous passphrase");
        _staff = await _host.Authenticator.AuthenticateAsync(Workspace, new PasswordCredentials("staff", TestHost.Password), ClientKind.WebApplication);
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    [TestCase(Workspace, true)]
    [TestCase("another-workspace", false)]
    [TestCase(null, false)]
    public void TheRequestsUser_IsTheActor_OnlyInItsOwnWorkspace(string? routeWorkspace, bool recorded)
    {
        var accessor = AccessorFor(_staff.ToClaimsPrincipal(), routeWorkspace);

        accessor.ActorUserId.Should().Be(recorded ? _staff.UserId : null);
    }

    [Test]
    public async Task TheImplicitAnonymousUser_AndNoUser_AreNobody()
    {
        var anonymous = await _host.Authenticator.AuthenticateAsync(Workspace, null, ClientKind.WebApplication);

        AccessorFor(anonymous.ToClaimsPrincipal(), Workspace).ActorUserId.Should().BeNull();
        AccessorFor(new ClaimsPrincipal(new ClaimsIdentity()), Workspace).ActorUserId.Should().BeNull();
        new HttpContextAuditActorAccessor(new HttpContextAccessor(), Resolver()).ActorUserId.Should().BeNull("outside a request");
    }

    private static HttpContextAuditActorAccessor AccessorFor(ClaimsPrincipal user, string? routeWorkspace)
    {
        var context = new DefaultHttpContext { User = user };
        if (routeWorkspace is not null)
        {
            context.Request.RouteValues["workspaceId"] = routeWorkspace;
        }

        return new HttpContextAuditActorAccessor(new HttpContextAccessor { HttpContext = context }, Resolver());
    }

    private static RouteOrHeaderWorkspaceResolver Resolver() => new(Options.Create(new UserTypesWorkspaceOptions()));
}
