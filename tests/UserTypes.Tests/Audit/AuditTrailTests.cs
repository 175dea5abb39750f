using System.Diagnostics.Metrics;
using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Audit;

/// <summary>
/// The audit trail as a host reads it, on every store: each directory and workspace change writes its entries with the
/// right actor, subject and action; a lockout and a reclassification are recorded; summaries hold no personal data or
/// secret; reading pages, filters and refuses bad queries; retention purges.
/// </summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class AuditTrailTests(StoreKind store) : StoreFixture(store)
{
    private const string HostAdmin = "host-admin";

    private TestHost _host = null!;
    private string _workspace = null!;

    private IAuditLog Log => _host.Get<IAuditLog>();

    [SetUp]
    public async Task SetUp()
    {
        _host = NewHost(o =>
        {
            o.ExternalUsers.Enabled = true;
            o.Lockout.MaxFailedAttempts = 3;
        });
        _host.Actor.ActorUserId = HostAdmin;
        _workspace = await _host.CreateWorkspaceAsync("owner@softr.io", license: new WorkspaceLicense { ExternalUsers = true });
    }

    [TearDown]
    public void TearDown() => _host?.Dispose();

    private async Task<List<AuditEntry>> TrailAsync(AuditQuery? query = null)
    {
        var entries = new List<AuditEntry>();
        query ??= new AuditQuery();
        do
        {
            var page = await Log.ReadAsync(_workspace, query);
            entries.AddRange(page.Entries);
            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);

        return entries;
    }

    [Test]
    public async Task AddingACollaborator_RecordsTheChange_AndEveryAccountItTurnsInternal()
    {
        var first = await _host.SignUpAsync(_workspace, "james@xyz.com");
        var second = await _host.SignUpAsync(_workspace, "jane@xyz.com");
        await _host.SignUpAsync(_workspace, "kim@other.example");
        var before = (await TrailAsync()).Count;

        await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);

        var added = (await TrailAsync()).Skip(before).ToList();
        added.Select(entry => entry.Action).Should().Equal(AuditActions.CollaboratorAdded, AuditActions.UserTypeChanged, AuditActions.UserTypeChanged);
        added[0].Summary.Should().Be("A collaborator at xyz.com added as Collaborator.");
        added.Skip(1).Select(entry => entry.SubjectUserId).Should().BeEquivalentTo([first.Id, second.Id]);
        added.Skip(1).Should().AllSatisfy(entry => entry.Summary.Should().Contain("from external to internal"));
        added.Should().AllSatisfy(entry => entry.ActorUserId.Should().Be(HostAdmin, "a trusted host call records what the host says"));
    }

    [Test]
    public async Task EachChange_RecordsItsAction_Actor_AndSubject()
    {
        var admin = await _host.CreateAdministratorAsync(_workspace);
        var partner = await _host.Users.CreateExternalUserAsync(admin, "person-1", "partner", "partner@partner.example", TestHost.Password);
        await _host.Users.GrantAsync(admin, partner.Id, new RightsGrant { DataRights = new Dictionary<string, DataRights> { ["contact"] = DataRights.View } });
        await _host.Users.RevokeAsync(admin, partner.Id, new RightsGrant { DataRights = new Dictionary<string, DataRights> { ["contact"] = DataRights.View } });
        await _host.Users.SetEnabledAsync(_workspace, partner.Id, enabled: false);
        await _host.Users.SetEnabledAsync(_workspace, partner.Id, enabled: true);
        var self = _host.ActorFor((await _host.Users.FindByIdAsync(_workspace, partner.Id))!);
        await _host.Users.ChangePasswordAsync(self, TestHost.Password, "a brand new passphrase");
        await _host.Users.RevokeSessionsAsync(_workspace, partner.Id);
        await _host.Users.UnlockAsync(_workspace, partner.Id);
        await _host.Users.DeleteAsync(_workspace, partner.Id);

        var trail = (await TrailAsync(new AuditQuery { SubjectUserId = partner.Id })).Select(entry => (entry.Action, entry.ActorUserId));

        trail.Should().Equal(
            (AuditActions.UserCreated, admin.UserId),
            (AuditActions.RightsGranted, admin.UserId),
            (AuditActions.RightsRevoked, admin.UserId),
            (AuditActions.UserDisabled, HostAdmin),
            (AuditActions.UserEnabled, HostAdmin),
            (AuditActions.PasswordChanged, partner.Id),
            (AuditActions.SessionsRevoked, HostAdmin),
            (AuditActions.UserUnlocked, HostAdmin),
            (AuditActions.UserDeleted, HostAdmin));
    }

    [Test]
    public async Task MailboxFlows_RecordTheAccountItself_AsTheActor()
    {
        var account = await _host.SignUpAsync(_workspace, "james@softr.io");
        await _host.Users.RequestPasswordResetAsync(_workspace, "james@softr.io");
        await _host.Users.ResetPasswordAsync(_workspace, "james@softr.io", _host.Mailer.TokenFor("james@softr.io", AccountMailKind.PasswordReset), "a brand new passphrase");
        var self = _host.ActorFor((await _host.Users.FindByIdAsync(_workspace, account.Id))!);
        await _host.Users.RequestEmailChangeAsync(self, "a brand new passphrase", "james@elsewhere.example");
        await _host.Users.ConfirmEmailChangeAsync(_workspace, account.Id, _host.Mailer.TokenFor("james@elsewhere.example", AccountMailKind.EmailChange));

        var trail = await TrailAsync(new AuditQuery { SubjectUserId = account.Id });

        trail.Select(entry => entry.Action).Should().Equal(
            AuditActions.UserCreated, AuditActions.PasswordReset, AuditActions.UserTypeChanged, AuditActions.EmailChanged, AuditActions.UserNameChanged);
        trail.Should().AllSatisfy(entry => entry.ActorUserId.Should().Be(account.Id));
    }

    [Test]
    public async Task Invitations_AreRecorded_FromCreationToAcceptanceOrRevocation()
    {
        var admin = await _host.CreateAdministratorAsync(_workspace);
        var accepted = await _host.Users.InviteExternalUserAsync(admin, "person-1", "partner@partner.example");
        var revoked = await _host.Users.InviteInternalUserAsync(_workspace, "new@softr.io");
        await _host.Users.RevokeInvitationAsync(_workspace, revoked.Id);
        var account = await _host.Users.AcceptInvitationAsync(
            _workspace, "partner@partner.example", _host.Mailer.TokenFor("partner@partner.example", AccountMailKind.Invitation), null, TestHost.Password);

        var trail = (await TrailAsync()).Where(entry => entry.Action.StartsWith("invitation", StringComparison.Ordinal) || entry.SubjectUserId == account.Id).ToList();

        trail.Select(entry => (entry.Action, entry.ActorUserId)).Should().Equal(
            (AuditActions.InvitationCreated, admin.UserId),
            (AuditActions.InvitationCreated, HostAdmin),
            (AuditActions.InvitationRevoked, HostAdmin),
            (AuditActions.UserCreated, account.Id),
            (AuditActions.InvitationAccepted, account.Id));
        trail[0].Summary.Should().Contain(accepted.Id).And.Contain("person-1");
        trail[2].Summary.Should().Contain(revoked.Id);
    }

    [Test]
    public async Task InvitingAgain_SaysWhichInvitationItReplaces()
    {
        var first = await _host.Users.InviteInternalUserAsync(_workspace, "new@softr.io");

        var second = await _host.Users.InviteInternalUserAsync(_workspace, "new@softr.io");

        var created = await TrailAsync(new AuditQuery { Action = AuditActions.InvitationCreated });
        created.Select(entry => entry.Summary).Should().SatisfyRespectively(
            summary => summary.Should().Contain(first.Id).And.NotContain("replaces"),
            summary => summary.Should().Contain(second.Id).And.Contain($"It replaces invitation {first.Id}."));
    }

    [Test]
    public async Task ALockout_IsRecordedOnce_ByNobody()
    {
        var account = await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => _host.LoginOutcomeAsync(_workspace, "staff", "wrong password"))));

        var lockouts = await TrailAsync(new AuditQuery { Action = AuditActions.UserLockedOut });
        lockouts.Should().ContainSingle().Which.Should().Match<AuditEntry>(entry => entry.SubjectUserId == account.Id && entry.ActorUserId == null);
    }

    [Test]
    public async Task TheLoginThatLocks_WithTheRightPassword_IsRecordedAsLockedThenUnlocked()
    {
        var account = await _host.Users.CreateInternalUserAsync(_workspace, "staff", "staff@softr.io", TestHost.Password);
        await _host.LoginOutcomeAsync(_workspace, "staff", "wrong password");
        await _host.LoginOutcomeAsync(_workspace, "staff", "wrong password");

        var third = await _host.LoginOutcomeAsync(_workspace, "staff", TestHost.Password);

        third.Should().BeNull("the attempt that reached the limit had the right password");
        (await _host.Users.FindByIdAsync(_workspace, account.Id))!.LockoutEnd.Should().BeNull();
        (await TrailAsync(new AuditQuery { SubjectUserId = account.Id })).Select(entry => entry.Action)
            .Should().Equal(AuditActions.UserCreated, AuditActions.UserLockedOut, AuditActions.UserUnlocked);
    }

    [Test]
    public async Task ReAddingWhatIsThere_ChangesNothing_AndRecordsNothing()
    {
        var admin = await _host.CreateAdministratorAsync(_workspace);
        await _host.Workspaces.AddSignupDomainAsync(_workspace, "xyz.com");
        await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);
        await _host.Users.GrantAsync(admin, admin.UserId, new RightsGrant { FunctionalRights = new HashSet<string> { "export" } });
        var before = await TrailAsync();

        await _host.Workspaces.AddSignupDomainAsync(_workspace, "xyz.com");
        await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);
        await _host.Workspaces.SetLicenseAsync(_workspace, new WorkspaceLicense { ExternalUsers = true });
        await _host.Users.GrantAsync(admin, admin.UserId, new RightsGrant { FunctionalRights = new HashSet<string> { "export" } });

        (await TrailAsync()).Should().Equal(before);
    }

    [Test]
    public async Task NoSummary_HoldsAnAddress_APassword_AToken_AHash_OrAUserName()
    {
        var admin = await _host.CreateAdministratorAsync(_workspace);
        var account = await _host.SignUpAsync(_workspace, "james.secretive@softr.io");
        await _host.Users.InviteExternalUserAsync(admin, "person-1", "partner.hidden@partner.example");
        await _host.Users.CreateExternalUserAsync(admin, "person-2", "partner-nick", "nick.private@partner.example", TestHost.Password);
        await _host.Workspaces.AddCollaboratorAsync(_workspace, "collaborator.person@xyz.com", CollaboratorRole.Collaborator);
        await _host.Users.SetAnonymousUserAsync(_workspace, "anonymous-visitor", "an anonymous passphrase");
        var self = _host.ActorFor((await _host.Users.FindByIdAsync(_workspace, account.Id))!);
        await _host.Users.ChangePasswordAsync(self, TestHost.Password, "a brand new passphrase");
        await _host.Users.RequestPasswordResetAsync(_workspace, "james.secretive@softr.io");
        var token = _host.Mailer.TokenFor("james.secretive@softr.io", AccountMailKind.PasswordReset);
        await _host.Users.ResetPasswordAsync(_workspace, "james.secretive@softr.io", token, "yet another passphrase");
        var hash = (await _host.StoredAsync((await _host.Users.FindByIdAsync(_workspace, account.Id))!)).PasswordHash;

        var summaries = (await TrailAsync()).Select(entry => entry.Summary).ToList();

        summaries.Should().HaveCountGreaterThan(8);
        string[] secrets =
        [
            "james.secretive", "partner.hidden", "nick.private", "partner-nick", "collaborator.person", "anonymous-visitor",
            TestHost.Password, "a brand new passphrase", "yet another passphrase", "an anonymous passphrase", token, hash, "$2", "@",
        ];
        foreach (var secret in secrets)
        {
            summaries.Should().NotContain(summary => summary.Contains(secret, StringComparison.OrdinalIgnoreCase), $"'{secret}' is personal data or a secret");
        }
    }

    [Test]
    public async Task HostChosenNames_CannotBreakASummarysOneLine()
    {
        var admin = await _host.CreateAdministratorAsync(_workspace);
        const string Forged = "p-1\u2028Account admin deleted.\u202e";

        var partner = await _host.Users.CreateExternalUserAsync(admin, Forged, "partner", "partner@partner.example", TestHost.Password);

        var summary = (await TrailAsync(new AuditQuery { SubjectUserId = partner.Id })).Single().Summary;
        summary.Should().NotContain("\u2028").And.NotContain("\u202e").And.Contain("\\u2028", "escaped as a log line escapes it");
    }

    [Test]
    public async Task Pages_ReadEveryEntryOnce_InEitherOrder_AndTokensStayWithTheirQuery()
    {
        for (var i = 0; i < 7; i++)
        {
            await _host.Workspaces.AddSignupDomainAsync(_workspace, $"d{i}.example");
        }

        var all = await TrailAsync();
        var paged = await TrailAsync(new AuditQuery { PageSize = 2 });
        var newestFirst = await TrailAsync(new AuditQuery { PageSize = 3, Descending = true });
        var first = await Log.ReadAsync(_workspace, new AuditQuery { PageSize = 2 });

        paged.Should().Equal(all);
        newestFirst.Should().Equal(Enumerable.Reverse(all));
        all.Select(entry => entry.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        await FluentActions.Awaiting(() => Log.ReadAsync(_workspace, new AuditQuery { PageSize = 2, Descending = true, ContinuationToken = first.ContinuationToken }))
            .Should().ThrowAsync<ArgumentException>().WithParameterName("query");
        var other = await _host.CreateWorkspaceAsync();
        await FluentActions.Awaiting(() => Log.ReadAsync(other, new AuditQuery { PageSize = 2, ContinuationToken = first.ContinuationToken }))
            .Should().ThrowAsync<ArgumentException>().WithParameterName("query");
    }

    [TestCase(0, null, null, null, "PageSize")]
    [TestCase(1001, null, null, null, "PageSize")]
    [TestCase(10, "not-an-action", null, null, "Action")]
    [TestCase(10, null, 5, 1, "From")]
    [TestCase(10, null, null, null, "continuation", "garbage")]
    public async Task ABadQuery_IsAnArgumentException_NamingIt(int pageSize, string? action, int? fromDay, int? toDay, string says, string? token = null)
    {
        var query = new AuditQuery
        {
            PageSize = pageSize,
            Action = action,
            From = fromDay is { } from ? _host.Clock.GetUtcNow().AddDays(from) : null,
            To = toDay is { } to ? _host.Clock.GetUtcNow().AddDays(to) : null,
            ContinuationToken = token,
        };

        var read = () => Log.ReadAsync(_workspace, query);

        (await read.Should().ThrowAsync<ArgumentException>().WithParameterName("query")).WithMessage($"*{says}*");
    }

    [Test]
    public async Task AnUnknownWorkspace_IsWorkspaceNotFound()
    {
        var read = () => Log.ReadAsync("no-such-workspace", new AuditQuery());

        await read.Should().ThrowAsync<WorkspaceNotFoundException>();
    }

    [Test]
    public async Task Purge_RemovesEntriesOlderThanTheRetention_InBatches()
    {
        using var host = NewHost(o =>
        {
            o.Audit.Retention = TimeSpan.FromDays(30);
            o.Audit.PurgeBatchSize = 2;
        });
        var workspace = await host.CreateWorkspaceAsync();
        for (var i = 0; i < 4; i++)
        {
            await host.Workspaces.AddSignupDomainAsync(workspace, $"old{i}.example");
        }

        host.Clock.Advance(TimeSpan.FromDays(31));
        await host.Workspaces.AddSignupDomainAsync(workspace, "new.example");

        var removed = await host.Get<IAuditLog>().PurgeAsync();

        removed.Should().Be(5, "the workspace's creation and four domains are older than 30 days");
        (await host.Get<IAuditLog>().ReadAsync(workspace, new AuditQuery())).Entries.Should().ContainSingle().Which.Summary.Should().Contain("new.example");
    }

    [Test]
    public async Task WithoutRetention_APurgeKeepsEverything()
    {
        _host.Clock.Advance(TimeSpan.FromDays(3650));

        (await Log.PurgeAsync()).Should().Be(0);
        (await TrailAsync()).Should().NotBeEmpty();
    }

    [Test]
    public async Task TheMeter_CountsEntriesWritten_PerAction()
    {
        var counted = new List<(long Value, string? Action)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "UserTypes" && instrument.Name == "usertypes.audit.entries")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (counted)
            {
                counted.Add((value, tags.ToArray().FirstOrDefault(tag => tag.Key == "action").Value as string));
            }
        });
        listener.Start();
        await _host.SignUpAsync(_workspace, "james@xyz.com");
        await _host.Workspaces.AddCollaboratorAsync(_workspace, "joanne@xyz.com", CollaboratorRole.Collaborator);

        var mine = counted.Where(c => c.Action is AuditActions.UserCreated or AuditActions.CollaboratorAdded or AuditActions.UserTypeChanged).ToList();

        mine.Should().Contain((1, AuditActions.UserCreated)).And.Contain((1, AuditActions.CollaboratorAdded)).And.Contain((1, AuditActions.UserTypeChanged));
    }
}
