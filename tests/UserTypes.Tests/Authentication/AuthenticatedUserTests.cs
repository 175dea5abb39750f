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

    [TestCase("invoice=64")]
    [TestCase("invoice=-1")]
    [TestCase("invoice")]
    [TestCase("=15")]
    public void EffectiveRights_FromForgedOrMalformedClaims_GrantNothing(string value)
    {
        // Issued under UserTypes' name into UserTypes' own identity, so it is the value that is refused.
        var principal = User(UserType.Internal).ToClaimsPrincipal();
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(UserTypesClaimTypes.DataRights, value, ClaimValueTypes.String, AuthenticatedUser.ClaimsIssuer));

        EffectiveRights.FromPrincipal(principal).For("invoice").Should().Be(DataRights.View, "only what '*' grants");
        AuthenticatedUser.FromPrincipal(principal)!.Rights.For("invoice").Should().Be(DataRights.View);
    }

    [TestCase(UserType.Internal, false)]
    [TestCase(UserType.External, false)]
    [TestCase(UserType.Anonymous, false)]
    [TestCase(UserType.Anonymous, true)]
    public void FromPrincipal_ReadsBackTheUserItWasMadeFrom(UserType type, bool implicitAnonymous)
    {
        var user = User(type, implicitAnonymous);

        var read = AuthenticatedUser.FromPrincipal(user.ToClaimsPrincipal());

        read.Should().NotBeNull();
        read!.Should().BeEquivalentTo(new { user.UserId, user.UserName, user.WorkspaceId, user.UserType, user.SecurityStamp, user.IsImplicitAnonymous });
        read.Rights.For("contact").Should().Be(user.Rights.For("contact"));
        read.Rights.Has("export").Should().BeTrue();
    }

    [TestCase(ClaimTypes.NameIdentifier)]
    [TestCase(ClaimTypes.Name)]
    [TestCase(UserTypesClaimTypes.WorkspaceId)]
    [TestCase(UserTypesClaimTypes.UserType)]
    [TestCase(UserTypesClaimTypes.SecurityStamp)]
    public void FromPrincipal_WithoutAClaimItNeeds_IsNull(string missing)
    {
        var claims = User(UserType.Internal).ToClaimsPrincipal().Claims.Where(claim => claim.Type != missing);

        AuthenticatedUser.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims, "UserTypes"))).Should().BeNull();
    }

    [TestCase("administrator")]
    [TestCase("Internal")]
    [TestCase("")]
    public void FromPrincipal_WithAnUnknownUserType_IsNull(string value)
    {
        var claims = User(UserType.Internal).ToClaimsPrincipal().Claims
            .Select(claim => claim.Type == UserTypesClaimTypes.UserType ? new Claim(claim.Type, value, claim.ValueType, claim.Issuer) : claim);

        AuthenticatedUser.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims, "UserTypes"))).Should().BeNull();
    }

    [TestCase(UserType.Internal)]
    [TestCase(UserType.External)]
    public void FromPrincipal_OfAnUnauthenticatedIdentityThatIsNotAnonymous_IsNull(UserType type)
    {
        // Only the implicit anonymous user is unauthenticated; anything else claiming to be is refused.
        var claims = User(type).ToClaimsPrincipal().Claims;

        AuthenticatedUser.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: null))).Should().BeNull();
    }

    [Test]
    public void FromPrincipal_OfAnotherSchemesIdentity_WithUserTypesClaimTypes_IsNull()
    {
        // What a bearer token or an external login could carry if its issuer let users choose claims.
        var forged = User(UserType.Internal).ToClaimsPrincipal().Claims.Select(claim => new Claim(claim.Type, claim.Value));
        var underOurName = User(UserType.Internal).ToClaimsPrincipal().Claims;

        AuthenticatedUser.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(forged, "UserTypes"))).Should().BeNull("the claims are not issued by UserTypes");
        AuthenticatedUser.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(underOurName, "Bearer"))).Should().BeNull("the identity was authenticated by another scheme");
        AuthenticatedUser.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(forged, authenticationType: null))).Should().BeNull("an unauthenticated identity is only the implicit anonymous one UserTypes made");
    }

    [Test]
    public void RightClaimsAddedBesideAUserTypesIdentity_GrantNothing()
    {
        // A claims transformation or a second scheme adds rights: neither UserTypes identity nor its rights take them.
        var principal = User(UserType.External).ToClaimsPrincipal();
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(UserTypesClaimTypes.FunctionalRight, FunctionalRights.ManageRights));
        identity.AddClaim(new Claim(UserTypesClaimTypes.DataRights, "invoice=15"));
        principal.AddIdentity(new ClaimsIdentity([new Claim(UserTypesClaimTypes.DataRights, "*=15")], "Bearer"));

        var read = AuthenticatedUser.FromPrincipal(principal)!;

        read.Rights.Has(FunctionalRights.ManageRights).Should().BeFalse();
        read.Rights.For("invoice").Should().Be(DataRights.View, "only what the issued '*' grants");
        EffectiveRights.FromPrincipal(principal).For("invoice").Should().Be(DataRights.View);
        read.Rights.Has("export").Should().BeTrue("what UserTypes issued still holds");
    }

    [Test]
    public void EffectiveRights_FromAPrincipalWhoseOnlyIssuedClaimsComeFromAnotherScheme_AreNone()
    {
        // A host's own bearer handler whose issuer happens to be called "UserTypes": its identity is not ours.
        var bearer = new ClaimsIdentity(User(UserType.Internal).ToClaimsPrincipal().Claims, "Bearer");

        EffectiveRights.FromPrincipal(new ClaimsPrincipal(bearer)).For("contact").Should().Be(DataRights.None);
    }

    [Test]
    public void FromPrincipal_ReadsTheUserTypesIdentityAmongOthers()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone else")], "other"));
        principal.AddIdentity((ClaimsIdentity)User(UserType.External).ToClaimsPrincipal().Identity!);

        AuthenticatedUser.FromPrincipal(principal)!.UserName.Should().Be("Lee");
    }

    [Test]
    public void EffectiveRights_Grant_ListsWhatTheRightsAreMadeOf()
    {
        var rights = User(UserType.Internal).Rights;

        rights.Grant.FunctionalRights.Should().BeEquivalentTo("export");
        rights.Grant.DataRights.Should().BeEquivalentTo(new Dictionary<string, DataRights> { ["*"] = DataRights.View, ["contact"] = DataRights.Edit });
    }
}
