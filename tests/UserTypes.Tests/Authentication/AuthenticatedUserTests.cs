using System.Security.Claims;

namespace UserTypes.Tests.Authentication;

public sealed class AuthenticatedUserTests
{
    private static AuthenticatedUser User(UserType type, bool implicitAnonymous = false) => new(
        new UserAccount { Id = "u1", WorkspaceId = "ws", UserName = "Lee", UserType = type, UserTypeSource = UserTypeSource.Assigned },
        new EffectiveRights(new RightsGrant
        {
            FunctionalRights = new HashSet<string> { "export" },
            DataRights = new Dictionary<string, DataRights> { ["*"] = DataRights.View, ["contact"] = DataRights.Edit },
        }),
        implicitAnonymous);

    [TestCase(UserType.Internal, "internal")]
    [TestCase(UserType.External, "external")]
    [TestCase(UserType.Anonymous, "anonymous")]
    public void ToClaimsPrincipal_CarriesIdentityTypeWorkspaceAndRights(UserType type, string claim)
    {
        var principal = User(type).ToClaimsPrincipal();

        principal.Identity!.IsAuthenticated.Should().BeTrue();
        principal.FindFirst(ClaimTypes.NameIdentifier)?.Value.Should().Be("u1");
        principal.Identity.Name.Should().Be("Lee");
        principal.FindFirst(UserTypesClaimTypes.UserType)?.Value.Should().Be(claim);
        principal.FindFirst(UserTypesClaimTypes.WorkspaceId)?.Value.Should().Be("ws");
        principal.FindAll(UserTypesClaimTypes.FunctionalRight).Select(c => c.Value).Should().Equal("export");
        principal.FindAll(UserTypesClaimTypes.DataRights).Select(c => c.Value).Should().BeEquivalentTo("*=1", "contact=5");
    }

    [Test]
    public void ToClaimsPrincipal_OfTheImplicitAnonymousUser_IsNotAuthenticated()
    {
        var principal = User(UserType.Anonymous, implicitAnonymous: true).ToClaimsPrincipal();

        principal.Identity!.IsAuthenticated.Should().BeFalse();
        principal.FindFirst(UserTypesClaimTypes.UserType)?.Value.Should().Be("anonymous");
    }

    [Test]
    public void EffectiveRights_FromThePrincipal_AnswerAsAtLogin()
    {
        var user = User(UserType.External);

        var rebuilt = EffectiveRights.FromPrincipal(user.ToClaimsPrincipal());

        rebuilt.For("contact").Should().Be(user.Rights.For("contact"));
        rebuilt.For("sale").Should().Be(DataRights.View);
        rebuilt.Has("EXPORT").Should().BeTrue();
    }

    [TestCase("contact=64")]
    [TestCase("contact=-1")]
    [TestCase("contact")]
    [TestCase("=15")]
    public void EffectiveRights_FromForgedOrMalformedClaims_GrantNothing(string value)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(UserTypesClaimTypes.DataRights, value)], "forged"));

        EffectiveRights.FromPrincipal(principal).For("contact").Should().Be(DataRights.None);
    }
}
