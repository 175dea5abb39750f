using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UserTypes.Tests.DependencyInjection;

public sealed class UserTypesOptionsTests
{
    [Test]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new UserTypesOptions();

        options.Classification.RequireConfirmedEmail.Should().BeTrue();
        options.Classification.EmailConfirmationTokenLifetime.Should().Be(TimeSpan.FromHours(24));
        options.ExternalUsers.Enabled.Should().BeFalse();
        options.AnonymousUsers.AllowImplicit.Should().BeFalse();
        options.Password.MinLength.Should().Be(8);
        options.Password.MaxLength.Should().Be(128);
        options.Password.WorkFactor.Should().Be(11);
        options.Lockout.MaxFailedAttempts.Should().Be(5);
        options.Lockout.Duration.Should().Be(TimeSpan.FromMinutes(15));
        options.Rights.Internal.DataRightsCeiling.Should().Be(DataRights.All);
        options.Rights.External.DataRightsCeiling.Should().Be(DataRights.View | DataRights.Create | DataRights.Edit);
        options.Rights.Anonymous.MayHoldFunctionalRights.Should().BeFalse();
        options.Rights.InternalOnlyFunctionalRights.Should().BeEquivalentTo(FunctionalRights.CreateExternalUsers, FunctionalRights.ManageRights);
    }

    [Test]
    public void Validate_RightsDefaultsAboveTheirCeilingOrMalformed_AreEachListed()
    {
        var options = new UserTypesOptions();
        options.Rights.External.Defaults = new RightsGrant
        {
            DataRights = new Dictionary<string, DataRights> { ["*"] = DataRights.All },
            FunctionalRights = new HashSet<string> { FunctionalRights.ManageRights },
        };
        options.Rights.Anonymous.DataRightsCeiling = (DataRights)64;
        options.Rights.InternalOnlyFunctionalRights.Add("has space");

        var result = new UserTypesOptionsValidator().Validate(null, options);

        result.Failures.Should().BeEquivalentTo(
            "Rights.InternalOnlyFunctionalRights: 'has space' contains white space or a control character.",
            "Rights.Anonymous.DataRightsCeiling (64) is not a combination of View, Create, Edit and Delete.");
    }

    [Test]
    public void Validate_DefaultsAboveTheCeiling_AreListed()
    {
        var options = new UserTypesOptions();
        options.Rights.External.Defaults = new RightsGrant { DataRights = new Dictionary<string, DataRights> { ["*"] = DataRights.All } };
        options.Rights.Anonymous.Defaults = new RightsGrant { FunctionalRights = new HashSet<string> { "export" } };

        var result = new UserTypesOptionsValidator().Validate(null, options);

        result.Failures.Should().BeEquivalentTo(
            "Rights.External.Defaults exceed the type's ceiling: Delete on '*' (the most is View, Create, Edit).",
            "Rights.Anonymous.Defaults exceed the type's ceiling: the functional right 'export'.");
    }

    [Test]
    public void PublicEmailDomains_DefaultToAtLeastFiftyWellKnownProviders()
    {
        var domains = new UserTypesOptions().Classification.PublicEmailDomains;

        domains.Should().HaveCountGreaterThanOrEqualTo(50)
            .And.Contain(["gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "proton.me", "gmx.de"]);
        domains.Should().Contain("GMAIL.COM", because: "hosts may add and remove entries in any case");
    }

    [Test]
    public void BuiltInPublicDomains_AreCanonicalAndDistinct()
    {
        foreach (var domain in PublicEmailDomains.BuiltIn)
        {
            DomainName.Canonicalize(domain, "domain").Should().Be(domain);
        }

        PublicEmailDomains.BuiltIn.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void Validate_Defaults_Succeeds()
    {
        new UserTypesOptionsValidator().Validate(null, new UserTypesOptions()).Succeeded.Should().BeTrue();
    }

    [Test]
    public void Validate_EveryBadValue_IsListedInOneFailure()
    {
        var options = new UserTypesOptions();
        options.Password.MinLength = 0;
        options.Password.MaxLength = 10;
        options.Password.WorkFactor = 32;
        options.Lockout.MaxFailedAttempts = 0;
        options.Lockout.Duration = TimeSpan.Zero;
        options.Classification.EmailConfirmationTokenLifetime = TimeSpan.FromDays(31);
        options.Classification.PublicEmailDomains.Add("not a domain");

        var result = new UserTypesOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().BeEquivalentTo(
            "Password.MinLength must be at least 1 (was 0).",
            "Password.MaxLength must be between 64 and 4096 (was 10).",
            "Password.WorkFactor must be between 4 and 31 (was 32).",
            "Lockout.MaxFailedAttempts must be between 1 and 1000 (was 0).",
            "Lockout.Duration must be between 1 second and 30 days (was 00:00:00).",
            "Classification.EmailConfirmationTokenLifetime must be between 1 minute and 30 days (was 31.00:00:00).",
            "Classification.PublicEmailDomains contains 'not a domain', which is not a valid domain: an address must not contain white space.");
    }

    [Test]
    public void Validate_MinLengthAboveMaxLength_IsReported()
    {
        var options = new UserTypesOptions();
        options.Password.MinLength = 100;
        options.Password.MaxLength = 64;

        new UserTypesOptionsValidator().Validate(null, options).Failures.Should()
            .Equal("Password.MinLength (100) must not exceed Password.MaxLength (64).");
    }

    [TestCase(4)]
    [TestCase(31)]
    public void Validate_WorkFactorAtEitherBound_Succeeds(int workFactor)
    {
        var options = new UserTypesOptions();
        options.Password.WorkFactor = workFactor;

        new UserTypesOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
    }

    [Test]
    public void StartupValidation_InvalidOptions_FailsWithEveryProblemInOneMessage()
    {
        var services = new ServiceCollection();
        services.AddUserTypes(o =>
        {
            o.Password.WorkFactor = 3;
            o.Lockout.MaxFailedAttempts = -1;
        }).AddInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().BeEquivalentTo(
                "Password.WorkFactor must be between 4 and 31 (was 3).",
                "Lockout.MaxFailedAttempts must be between 1 and 1000 (was -1).");
    }
}
