using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UserTypes.Tests.DependencyInjection;

public sealed class UserTypesOptionsTests
{
    [Test]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new UserTypesOptions();

        options.Tokens.SignUpLifetime.Should().Be(TimeSpan.FromHours(24));
        options.Tokens.PasswordResetLifetime.Should().Be(TimeSpan.FromHours(1));
        options.Mail.Enabled.Should().BeTrue();
        options.Mail.MaxPerAddressPerHour.Should().Be(3);
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

        var result = Validate(options);

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

        var result = Validate(options);

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
        Validate(new UserTypesOptions()).Succeeded.Should().BeTrue();
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
        options.Tokens.SignUpLifetime = TimeSpan.FromDays(31);
        options.Classification.PublicEmailDomains.Add("not a domain");

        var result = Validate(options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().BeEquivalentTo(
            "MinLength: The field UserTypesOptions.Password.MinLength must be between 1 and 4096.",
            "MaxLength: The field UserTypesOptions.Password.MaxLength must be between 64 and 4096.",
            "WorkFactor: The field UserTypesOptions.Password.WorkFactor must be between 4 and 31.",
            "MaxFailedAttempts: The field UserTypesOptions.Lockout.MaxFailedAttempts must be between 1 and 1000.",
            "Duration: The field UserTypesOptions.Lockout.Duration must be between 00:00:01 and 30.00:00:00.",
            "SignUpLifetime: The field UserTypesOptions.Tokens.SignUpLifetime must be between 00:01:00 and 30.00:00:00.",
            "Classification.PublicEmailDomains contains 'not a domain', which is not a valid domain: an address must not contain white space.");
    }

    [Test]
    public void Validate_MissingSubOptions_AreEachReported_WithoutThrowing()
    {
        var options = new UserTypesOptions { Password = null!, Rights = new RightsOptions { External = null! } };

        var result = Validate(options);

        result.Failures.Should().BeEquivalentTo(
            "Password: The UserTypesOptions.Password field is required.",
            "External: The UserTypesOptions.Rights.External field is required.");
    }

    [Test]
    public void Validate_MinLengthAboveMaxLength_IsReported()
    {
        var options = new UserTypesOptions();
        options.Password.MinLength = 100;
        options.Password.MaxLength = 64;

        Validate(options).Failures.Should()
            .Equal("Password.MinLength (100) must not exceed Password.MaxLength (64).");
    }

    [TestCase(4)]
    [TestCase(31)]
    public void Validate_WorkFactorAtEitherBound_Succeeds(int workFactor)
    {
        var options = new UserTypesOptions();
        options.Password.WorkFactor = workFactor;

        Validate(options).Succeeded.Should().BeTrue();
    }

    [Test]
    public void StartupValidation_InvalidOptions_FailsWithEveryProblemInOneMessage()
    {
        var services = new ServiceCollection();
        services.AddUserTypes(o =>
        {
            o.Mail.Enabled = false;
            o.Password.WorkFactor = 3;
            o.Lockout.MaxFailedAttempts = -1;
        }).AddInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().BeEquivalentTo(
                "WorkFactor: The field UserTypesOptions.Password.WorkFactor must be between 4 and 31.",
                "MaxFailedAttempts: The field UserTypesOptions.Lockout.MaxFailedAttempts must be between 1 and 1000.");
    }

    [Test]
    public void AddUserTypes_FromJsonConfiguration_BindsEverySection()
    {
        var services = new ServiceCollection();
        services.AddUserTypes(JsonSection("""
            {
              "UserTypes": {
                "Password": { "MinLength": 12, "WorkFactor": 12 },
                "Lockout": { "MaxFailedAttempts": 3, "Duration": "00:30:00" },
                "ExternalUsers": { "Enabled": true },
                "AnonymousUsers": { "AllowImplicit": true },
                "Mail": { "Enabled": false, "MaxPerAddressPerHour": 5 },
                "Tokens": { "SignUpLifetime": "02:00:00" },
                "Classification": { "PublicEmailDomains": [ "mail.example" ] },
                "Rights": { "InternalOnlyFunctionalRights": [ "export" ], "External": { "DataRightsCeiling": "View, Edit" } }
              }
            }
            """)).AddInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<UserTypesOptions>>().Value;

        (options.Password.MinLength, options.Password.WorkFactor, options.Password.MaxLength).Should().Be((12, 12, 128));
        (options.Lockout.MaxFailedAttempts, options.Lockout.Duration).Should().Be((3, TimeSpan.FromMinutes(30)));
        options.ExternalUsers.Enabled.Should().BeTrue();
        options.AnonymousUsers.AllowImplicit.Should().BeTrue();
        (options.Mail.Enabled, options.Mail.MaxPerAddressPerHour).Should().Be((false, 5));
        options.Tokens.SignUpLifetime.Should().Be(TimeSpan.FromHours(2));
        options.Classification.PublicEmailDomains.Should().Contain(["mail.example", "gmail.com"], "configured entries add to the built-in list");
        options.Rights.InternalOnlyFunctionalRights.Should().Contain(["export", FunctionalRights.ManageRights]);
        options.Rights.External.DataRightsCeiling.Should().Be(DataRights.View | DataRights.Edit);
    }

    [Test]
    public void AddUserTypes_FromJsonWithBadValues_FailsAtStartUpListingEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddUserTypes(JsonSection("""
            { "UserTypes": { "Mail": { "Enabled": false }, "Password": { "WorkFactor": 40, "MinLength": 200, "MaxLength": 100 }, "Lockout": { "Duration": "45.00:00:00" } } }
            """)).AddInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().BeEquivalentTo(
            "WorkFactor: The field UserTypesOptions.Password.WorkFactor must be between 4 and 31.",
            "Duration: The field UserTypesOptions.Lockout.Duration must be between 00:00:01 and 30.00:00:00.",
            "Password.MinLength (200) must not exceed Password.MaxLength (100).");
    }

    private static IConfigurationSection JsonSection(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return new ConfigurationBuilder().AddJsonStream(stream).Build().GetSection("UserTypes");
    }

    // Both validators, as the options system runs them at start-up.
    private static ValidateOptionsResult Validate(UserTypesOptions options)
    {
        var failures = new IValidateOptions<UserTypesOptions>[] { new UserTypesOptionsValidator(), new UserTypesOptionsRules() }
            .SelectMany(validator => validator.Validate(null, options).Failures ?? [])
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
