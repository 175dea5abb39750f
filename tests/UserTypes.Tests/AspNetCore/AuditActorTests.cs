using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using UserTypes.AspNetCore;

namespace UserTypes.Tests.AspNetCore;

/// <summary>The request's user is the actor of a trusted call only for changes of its own workspace, and never the implicit anonymous user.</summary>
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
    public void TheRequestsUser_IsTheActor_OnlyForChangesOfItsOwnWorkspace(string changedWorkspace, bool recorded)
    {
        // Whatever workspace the request names: a host endpoint of one workspace may change another.
        var accessor = AccessorFor(_staff.ToClaimsPrincipal());

        accessor.ActorUserIdIn(changedWorkspace).Should().Be(recorded ? _staff.UserId : null);
        accessor.ActorUserId.Should().Be(_staff.UserId);
    }

    [Test]
    public async Task TheImplicitAnonymousUser_AndNoUser_AreNobody()
    {
        var anonymous = await _host.Authenticator.AuthenticateAsync(Workspace, null, ClientKind.WebApplication);

        AccessorFor(anonymous.ToClaimsPrincipal()).ActorUserIdIn(Workspace).Should().BeNull();
        AccessorFor(new ClaimsPrincipal(new ClaimsIdentity())).ActorUserIdIn(Workspace).Should().BeNull();
        new HttpContextAuditActorAccessor(new HttpContextAccessor()).ActorUserIdIn(Workspace).Should().BeNull("outside a request");
    }

    private static IAuditActorAccessor AccessorFor(ClaimsPrincipal user) =>
        new HttpContextAuditActorAccessor(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = user } });
}
