using UserTypes.Tests.Stores;
namespace UserTypes.Tests.Classification;

[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class UserClassifierTests(StoreKind store) : StoreFixture(store)
{
    private TestHost _host = null!;
    private string _workspace = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost();
        _workspace = await _host.CreateWorkspaceAsync("owner@owner.example");
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    [Test]
    public async Task Classify_OwnerDomain_IsInternal()
    {
        var result = await _host.Classifier.ClassifyAsync(_workspace, "colleague@owner.example");

        result.Should().Be(new UserClassification(UserType.Internal, ClassificationReason.CollaboratorDomain, "owner.example"));
    }

    [Test]
    public async Task Classify_GuestCollaboratorDomain_IsExternal()
    {
        await _host.Workspaces.AddCollaboratorAsync(_workspace, "guest@guest.example", CollaboratorRole.Guest);

        var result = await _host.Classifier.ClassifyAsync(_workspace, "guest@guest.example");

        result.UserType.Should().Be(UserType.External);
    }

    [Test]
    public async Task Classify_CollaboratorDemotedToGuest_MakesTheirDomainExternal()
    {
        await _host.Workspaces.AddCollaboratorAsync(_workspace, "c@partner.example", CollaboratorRole.Collaborator);
        await _host.Workspaces.AddCollaboratorAsync(_workspace, "c@partner.example", CollaboratorRole.Guest);

        var result = await _host.Classifier.ClassifyAsync(_workspace, "other@partner.example");

        result.UserType.Should().Be(UserType.External);
    }

    [Test]
    public async Task Classify_CollaboratorDomain_NeverMatchesSubdomains()
    {
        var result = await _host.Classifier.ClassifyAsync(_workspace, "a@sub.owner.example");

        result.UserType.Should().Be(UserType.External);
    }

    [Test]
    public async Task Classify_SignupDomainWithoutSubdomains_DoesNotMatchSubdomain()
    {
        await _host.Workspaces.AddSignupDomainAsync(_workspace, "yzx.com");

        var result = await _host.Classifier.ClassifyAsync(_workspace, "a@hr.yzx.com");

        result.UserType.Should().Be(UserType.External);
    }

    [TestCase("a@hr.yzx.com")]
    [TestCase("a@deep.hr.yzx.com")]
    [TestCase("a@yzx.com")]
    public async Task Classify_SignupDomainWithSubdomains_MatchesItAndItsSubdomains(string email)
    {
        await _host.Workspaces.AddSignupDomainAsync(_workspace, "yzx.com", includeSubdomains: true);

        var result = await _host.Classifier.ClassifyAsync(_workspace, email);

        result.Should().Be(new UserClassification(UserType.Internal, ClassificationReason.SignupDomain, "yzx.com"));
    }

    [TestCase("a@notyzx.com")]
    [TestCase("a@yzx.com.evil.com")]
    [TestCase("a@yzx.co")]
    [TestCase("a@zx.com")]
    public async Task Classify_SignupDomainWithSubdomains_MatchesOnlyAtLabelBoundaries(string email)
    {
        await _host.Workspaces.AddSignupDomainAsync(_workspace, "yzx.com", includeSubdomains: true);

        var result = await _host.Classifier.ClassifyAsync(_workspace, email);

        result.UserType.Should().Be(UserType.External);
    }

    [Test]
    public async Task Classify_NearestSignupDomain_IsTheOneReported()
    {
        await _host.Workspaces.AddSignupDomainAsync(_workspace, "yzx.com", includeSubdomains: true);
        await _host.Workspaces.AddSignupDomainAsync(_workspace, "hr.yzx.com", includeSubdomains: true);

        var result = await _host.Classifier.ClassifyAsync(_workspace, "a@team.hr.yzx.com");

        result.MatchedDomain.Should().Be("hr.yzx.com");
    }

    [Test]
    public async Task Classify_CollaboratorOnPublicMailDomain_DoesNotMakeThatProviderInternal()
    {
        await _host.Workspaces.AddCollaboratorAsync(_workspace, "freelancer@gmail.com", CollaboratorRole.Collaborator);

        var result = await _host.Classifier.ClassifyAsync(_workspace, "stranger@gmail.com");

        result.Should().Be(new UserClassification(UserType.External, ClassificationReason.NoMatch, null));
    }

    [Test]
    public async Task Classify_PublicDomainAddedByHost_IsLeftOut()
    {
        using var host = NewHost(o => o.Classification.PublicEmailDomains.Add("Corp-Mail.EXAMPLE"));
        var workspace = await host.CreateWorkspaceAsync("owner@corp-mail.example");

        var result = await host.Classifier.ClassifyAsync(workspace, "someone@corp-mail.example");

        result.UserType.Should().Be(UserType.External);
    }

    [Test]
    public async Task Classify_PublicDomainRemovedByHost_CountsAgain()
    {
        using var host = NewHost(o => o.Classification.PublicEmailDomains.Remove("gmail.com"));
        var workspace = await host.CreateWorkspaceAsync("owner@gmail.com");

        var result = await host.Classifier.ClassifyAsync(workspace, "someone@gmail.com");

        result.UserType.Should().Be(UserType.Internal);
    }

    [Test]
    public async Task Classify_InternationalDomain_MatchesItsPunycodeSpelling()
    {
        await _host.Workspaces.AddCollaboratorAsync(_workspace, "anna@xn--bcher-kva.de", CollaboratorRole.Collaborator);

        var result = await _host.Classifier.ClassifyAsync(_workspace, "max@BÜCHER.de");

        result.Should().Be(new UserClassification(UserType.Internal, ClassificationReason.CollaboratorDomain, "xn--bcher-kva.de"));
    }

    [Test]
    public async Task Classify_UnknownWorkspace_ThrowsWorkspaceNotFound()
    {
        var act = async () => await _host.Classifier.ClassifyAsync("no-such-workspace", "a@owner.example");

        await act.Should().ThrowAsync<WorkspaceNotFoundException>().WithMessage("*no-such-workspace*");
    }

    [Test]
    public async Task Classify_MalformedAddressInUnknownWorkspace_ReportsTheAddressFirst()
    {
        var act = async () => await _host.Classifier.ClassifyAsync("no-such-workspace", "not-an-address");

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("email");
    }

    [TestCase(null, "a@x.com", "workspaceId")]
    [TestCase("", "a@x.com", "workspaceId")]
    [TestCase("   ", "a@x.com", "workspaceId")]
    [TestCase("ws", null, "email")]
    [TestCase("ws", "", "email")]
    public async Task Classify_MissingArgument_ThrowsNamingIt(string? workspaceId, string? email, string paramName)
    {
        var act = async () => await _host.Classifier.ClassifyAsync(workspaceId!, email!);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be(paramName);
    }

    [Test]
    public async Task Classify_AfterRemovingCollaborator_IsExternalOnTheVeryNextCall()
    {
        await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);
        (await _host.Classifier.ClassifyAsync(_workspace, "james@xyz.com")).UserType.Should().Be(UserType.Internal);

        await _host.Workspaces.RemoveCollaboratorAsync(_workspace, "JOANNE@xyz.com");

        (await _host.Classifier.ClassifyAsync(_workspace, "james@xyz.com")).UserType.Should().Be(UserType.External);
    }

    [Test]
    public async Task Classify_AfterRemovingSignupDomain_IsExternalOnTheVeryNextCall()
    {
        await _host.Workspaces.AddSignupDomainAsync(_workspace, "yzx.com");
        (await _host.Classifier.ClassifyAsync(_workspace, "a@yzx.com")).UserType.Should().Be(UserType.Internal);

        await _host.Workspaces.RemoveSignupDomainAsync(_workspace, "YZX.com");

        (await _host.Classifier.ClassifyAsync(_workspace, "a@yzx.com")).UserType.Should().Be(UserType.External);
    }

    [Test]
    public async Task Classify_ChangesOnOneThread_AreSeenByTheNextCallOnEveryOtherThread()
    {
        // Warm the cache on other threads, change on this one, then every thread must see the change at once.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            await _host.Classifier.ClassifyAsync(_workspace, "a@late.example"))));

        await _host.Workspaces.AddCollaboratorAsync(_workspace, "x@late.example", CollaboratorRole.Collaborator);

        var seen = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            (await _host.Classifier.ClassifyAsync(_workspace, "a@late.example")).UserType)));
        seen.Should().AllBeEquivalentTo(UserType.Internal);
    }

    [Test]
    public async Task Classify_ConcurrentChangesAndReads_EndInTheLastWrittenState()
    {
        // Writers add 50 domains while readers classify; afterwards every domain must be internal.
        var writers = Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            _host.Workspaces.AddCollaboratorAsync(_workspace, $"c{i}@d{i}.example", CollaboratorRole.Collaborator)));
        var readers = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
            await _host.Classifier.ClassifyAsync(_workspace, $"r@d{i}.example")));
        await Task.WhenAll(writers.Concat(readers.Select(r => (Task)r)));

        for (var i = 0; i < 50; i++)
        {
            (await _host.Classifier.ClassifyAsync(_workspace, $"r@d{i}.example")).UserType.Should().Be(UserType.Internal);
        }
    }

    [Test]
    public async Task Classify_UncachedWorkspaceWithCanceledToken_IsCanceled()
    {
        // Written to the store directly, so nothing is cached and the call must reach the store.
        await _host.WorkspaceStore.TryCreateAsync(new WorkspaceRecord { Id = "uncached" }, [], CancellationToken.None);

        var act = async () => await _host.Classifier.ClassifyAsync("uncached", "a@x.com", new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
