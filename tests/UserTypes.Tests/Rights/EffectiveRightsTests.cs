using CsCheck;
using Microsoft.Extensions.Options;

namespace UserTypes.Tests.Rights;

public sealed class EffectiveRightsTests
{
    private static readonly RightsPolicy Policy = new(Options.Create(new UserTypesOptions()));

    private static RightsGrant Data(params (string Entity, DataRights Rights)[] entries) =>
        new() { DataRights = entries.ToDictionary(e => e.Entity, e => e.Rights) };

    [Test]
    public void Internal_Defaults_AreViewCreateEditOnEveryEntity()
    {
        var rights = Policy.Evaluate(UserType.Internal, RightsGrant.Empty);

        rights.For("contact").Should().Be(DataRights.View | DataRights.Create | DataRights.Edit);
        rights.Allows("sale", DataRights.Delete).Should().BeFalse();
        rights.Has(FunctionalRights.ManageRights).Should().BeFalse();
    }

    [TestCase(UserType.External)]
    [TestCase(UserType.Anonymous)]
    public void ExternalAndAnonymous_Defaults_AreViewOnly(UserType type)
    {
        var rights = Policy.Evaluate(type, RightsGrant.Empty);

        rights.For("contact").Should().Be(DataRights.View);
        rights.Allows("contact", DataRights.Create).Should().BeFalse();
    }

    [Test]
    public void EntityRights_AreTheUnionOfTheEntityAndStar_CaseInsensitively()
    {
        var rights = Policy.Evaluate(UserType.Internal, Data(("Contact", DataRights.Delete)));

        rights.For("CONTACT").Should().Be(DataRights.All);
        rights.Allows("contact", DataRights.View | DataRights.Delete).Should().BeTrue();
        rights.For("sale").Should().Be(DataRights.View | DataRights.Create | DataRights.Edit);
    }

    [Test]
    public void Allows_NeedsEveryRequestedBit()
    {
        var rights = Policy.Evaluate(UserType.External, RightsGrant.Empty);

        rights.Allows("contact", DataRights.View | DataRights.Edit).Should().BeFalse();
        rights.Allows("contact", (DataRights)16).Should().BeFalse("an undefined right is never allowed");
    }

    [Test]
    public void Allows_None_Throws()
    {
        var rights = Policy.Evaluate(UserType.Internal, RightsGrant.Empty);

        var act = () => rights.Allows("contact", DataRights.None);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("rights");
    }

    [Test]
    public void GrantsAboveTheCeiling_AreCutWhenEvaluated()
    {
        var grant = new RightsGrant
        {
            DataRights = new Dictionary<string, DataRights> { ["*"] = DataRights.All },
            FunctionalRights = new HashSet<string> { FunctionalRights.ManageRights, "export" },
        };

        var external = Policy.Evaluate(UserType.External, grant);
        var anonymous = Policy.Evaluate(UserType.Anonymous, grant);

        external.For("contact").Should().Be(DataRights.View | DataRights.Create | DataRights.Edit);
        external.Has(FunctionalRights.ManageRights).Should().BeFalse();
        external.Has("EXPORT").Should().BeTrue();
        anonymous.Has("export").Should().BeFalse();
    }

    [Test]
    public void HostInternalOnlyRights_AreCutFromExternalUsers()
    {
        var options = new UserTypesOptions();
        options.Rights.InternalOnlyFunctionalRights.Add("approve-invoices");
        var policy = new RightsPolicy(Options.Create(options));
        var grant = new RightsGrant { FunctionalRights = new HashSet<string> { "Approve-Invoices" } };

        policy.Evaluate(UserType.External, grant).Has("approve-invoices").Should().BeFalse();
        policy.Evaluate(UserType.Internal, grant).Has("approve-invoices").Should().BeTrue();
    }

    [Test]
    public void BuiltInAdministrativeRights_StayInternalOnly_EvenWhenRemovedFromTheOption()
    {
        var options = new UserTypesOptions();
        options.Rights.InternalOnlyFunctionalRights.Clear();
        var policy = new RightsPolicy(Options.Create(options));
        var grant = new RightsGrant { FunctionalRights = new HashSet<string> { FunctionalRights.CreateExternalUsers } };

        policy.Evaluate(UserType.External, grant).Has(FunctionalRights.CreateExternalUsers).Should().BeFalse();
    }

    [Test]
    public void EffectiveRights_NeverExceedTheCeiling_WhateverIsGranted()
    {
        var entities = Gen.OneOfConst("*", "contact", "Contact", "sale", "SALE", "project");
        var functional = Gen.OneOfConst(FunctionalRights.CreateExternalUsers, FunctionalRights.ManageRights, "export", "Create-External-Users");
        var dataRights = Gen.Int[0, 15].Select(i => (DataRights)i);
        var grants = Gen.Select(
            Gen.Dictionary(entities, dataRights)[0, 6],
            functional.HashSet[0, 4],
            Gen.Enum<UserType>(),
            (data, rights, type) => (Grant: new RightsGrant { DataRights = data, FunctionalRights = rights }, Type: type));

        grants.Sample(
            sample =>
            {
                var ceiling = Policy.CeilingOf(sample.Type);
                var effective = Policy.Evaluate(sample.Type, sample.Grant);
                foreach (var entity in new[] { "*", "contact", "sale", "project", "other" })
                {
                    (effective.For(entity) & ~ceiling.DataRights).Should().Be(DataRights.None);
                }

                foreach (var right in new[] { FunctionalRights.CreateExternalUsers, FunctionalRights.ManageRights, "export" })
                {
                    if (effective.Has(right))
                    {
                        ceiling.Allows(right).Should().BeTrue();
                        sample.Grant.FunctionalRights.Should().Contain(r => string.Equals(r, right, StringComparison.OrdinalIgnoreCase));
                    }
                }
            },
            seed: "0N0XIzNsQ0O2",
            iter: 2_000);
    }

    [Test]
    public void AnswersDoNotDependOnTheCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
        try
        {
            var rights = Policy.Evaluate(UserType.Internal, Data(("invoice", DataRights.Delete)));

            rights.Allows("INVOICE", DataRights.Delete).Should().BeTrue();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
