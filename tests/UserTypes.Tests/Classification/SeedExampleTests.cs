using UserTypes.Tests.Stores;
namespace UserTypes.Tests.Classification;

/// <summary>The worked examples of the product document "Internal vs. External Users", word for word.</summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class SeedExampleTests(StoreKind store) : StoreFixture(store)
{
    private TestHost _host = null!;

    [SetUp]
    public void SetUp() => _host = NewHost();

    [TearDown]
    public void TearDown() => _host?.Dispose();

    [Test]
    public async Task CollaboratorCase_JohnAtSoftrIo_IsInternalBecauseCollaboratorsUseSoftrIo()
    {
        // "if the John's email is john@softr.io, and other collaborators in the workspace have "softr.io" as their
        // email domain, John is considered an internal user."
        var workspace = await _host.CreateWorkspaceAsync("mary@softr.io");
        await _host.Workspaces.AddCollaboratorAsync(workspace, "peter@softr.io", CollaboratorRole.Collaborator);

        var result = await _host.Classifier.ClassifyAsync(workspace, "john@softr.io");

        result.Should().Be(new UserClassification(UserType.Internal, ClassificationReason.CollaboratorDomain, "softr.io"));
    }

    [Test]
    public async Task ApplicantTrackingCase_HrManagerOnCollaboratorDomain_IsInternal()
    {
        // "have added the head of HR (joanne@xyz.com) as a workspace collaborator ... if an HR manager with an
        // email james@xyz.com signs up for the application, he'll automatically fall under the internal users"
        var workspace = await _host.CreateWorkspaceAsync("ceo@xyz-holding.example");
        await _host.Workspaces.AddCollaboratorAsync(workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);

        var result = await _host.Classifier.ClassifyAsync(workspace, "james@xyz.com");

        result.Should().Be(new UserClassification(UserType.Internal, ClassificationReason.CollaboratorDomain, "xyz.com"));
    }

    [TestCase("applicant@gmail.com")]
    [TestCase("jane.doe@university.edu")]
    [TestCase("candidate@another-company.org")]
    public async Task ApplicantTrackingCase_ApplicantsOnOtherDomains_AreExternal(string applicant)
    {
        // "all the applicants that sign up with their various email domains, will be considered as external users."
        var workspace = await _host.CreateWorkspaceAsync("ceo@xyz-holding.example");
        await _host.Workspaces.AddCollaboratorAsync(workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);

        var result = await _host.Classifier.ClassifyAsync(workspace, applicant);

        result.Should().Be(new UserClassification(UserType.External, ClassificationReason.NoMatch, null));
    }

    [Test]
    public async Task DomainBasedSignupCase_EmployeeOnWhitelistedYzxDomain_IsInternal()
    {
        // "used the domain-based signup feature to specify that only people with the "yzx" email domain (i.e. the
        // employees of the company) can sign up. As a results, all the company employees that sign up will fall
        // under the internal users category."
        var workspace = await _host.CreateWorkspaceAsync("builder@agency.example");
        await _host.Workspaces.AddSignupDomainAsync(workspace, "yzx.com");

        var result = await _host.Classifier.ClassifyAsync(workspace, "employee@yzx.com");

        result.Should().Be(new UserClassification(UserType.Internal, ClassificationReason.SignupDomain, "yzx.com"));
    }

    [Test]
    public async Task GuestCollaborators_AreNotCollaboratorsInTheWorkspace()
    {
        // "guest collaborators of the application are not included"
        var workspace = await _host.CreateWorkspaceAsync("owner@softr.io");
        await _host.Workspaces.AddCollaboratorAsync(workspace, "guest@client.example", CollaboratorRole.Guest);

        var result = await _host.Classifier.ClassifyAsync(workspace, "someone@client.example");

        result.UserType.Should().Be(UserType.External);
    }
}
