namespace UserTypes.Tests.Stores;

public abstract partial class StoreSpecification
{
    private const string Workspace = "ws";

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private async Task CreateWorkspaceAsync() =>
        (await Store.TryCreateAsync(new WorkspaceRecord { Id = Workspace, Collaborators = [new Collaborator("owner@acme.example", CollaboratorRole.Owner)] }, None))
        .Should().BeTrue();

    private static StoredUser NewUser(string name, UserType type = UserType.Internal, UserTypeSource source = UserTypeSource.Assigned, bool enabled = true) => new()
    {
        Account = new UserAccount
        {
            Id = "id-" + name,
            WorkspaceId = Workspace,
            UserName = name,
            Email = name + "@acme.example",
            UserType = type,
            UserTypeSource = source,
            Enabled = enabled,
            CreatedAt = Now,
            Rights = new RightsGrant
            {
                FunctionalRights = new HashSet<string> { "export" },
                DataRights = new Dictionary<string, DataRights> { ["contact"] = DataRights.Edit },
            },
        },
        PasswordHash = "$2a$04$hash-of-" + name,
        EmailConfirmationTokenHash = [1, 2, 3],
        EmailConfirmationTokenExpiresAt = Now.AddDays(1),
    };

    [Test]
    public async Task CreateUser_RoundTripsEveryField()
    {
        await CreateWorkspaceAsync();
        var user = NewUser("Lee") with { Account = NewUser("Lee").Account with { LockoutEnd = Now.AddMinutes(5), AccessFailedCount = 2, PersonId = "p-1" } };

        (await Users.CreateAsync(user, seatLimit: null, None)).Should().Be(UserStoreResult.Succeeded);

        var stored = await Users.FindByIdAsync(Workspace, "id-Lee", None);
        stored.Should().BeEquivalentTo(user);
        stored!.Account.Should().Be(user.Account);
    }

    [Test]
    public async Task FindByUserName_UsesTheNormalisedName_AndIsScopedToTheWorkspace()
    {
        await CreateWorkspaceAsync();
        await Users.CreateAsync(NewUser("Lee"), null, None);

        (await Users.FindByUserNameAsync(Workspace, "LEE", None))!.Account.Id.Should().Be("id-Lee");
        (await Users.FindByUserNameAsync("other", "LEE", None)).Should().BeNull();
        (await Users.FindByIdAsync("other", "id-Lee", None)).Should().BeNull();
    }

    [Test]
    public async Task CreateUser_NameTakenInAnyCase_IsRefused()
    {
        await CreateWorkspaceAsync();
        await Users.CreateAsync(NewUser("Lee"), null, None);

        var clash = NewUser("LEE") with { Account = NewUser("LEE").Account with { Id = "another-id" } };

        (await Users.CreateAsync(clash, null, None)).Should().Be(UserStoreResult.UserNameTaken);
        (await Users.FindByIdAsync(Workspace, "another-id", None)).Should().BeNull();
    }

    [Test]
    public async Task CreateUser_SeatGate_CountsEnabledAccountsOfTheTypeOnly()
    {
        await CreateWorkspaceAsync();
        await Users.CreateAsync(NewUser("a"), 2, None);
        await Users.CreateAsync(NewUser("disabled", enabled: false), 2, None);
        await Users.CreateAsync(NewUser("ext", UserType.External), 2, None);
        await Users.CreateAsync(NewUser("anon", UserType.Anonymous), 0, None);

        (await Users.CreateAsync(NewUser("b"), 2, None)).Should().Be(UserStoreResult.Succeeded);
        (await Users.CreateAsync(NewUser("c"), 2, None)).Should().Be(UserStoreResult.SeatLimitReached);
        (await Users.CountSeatsAsync(Workspace, None)).Should().Be(new SeatCounts(2, 1));
    }

    [Test]
    public async Task CreateUser_ConcurrentlyAgainstALimit_NeverOverrunsIt()
    {
        await CreateWorkspaceAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => Users.CreateAsync(NewUser($"u{i}", UserType.External), 7, None))));

        results.Count(r => r == UserStoreResult.Succeeded).Should().Be(7);
        (await Users.CountSeatsAsync(Workspace, None)).External.Should().Be(7);
    }

    [Test]
    public async Task UpdateUser_AtTheExpectedVersion_Lands_AndAtAStaleOneConflicts()
    {
        await CreateWorkspaceAsync();
        var user = NewUser("Lee");
        await Users.CreateAsync(user, null, None);
        var renamed = user with { Account = user.Account with { UserName = "Lee2", Version = 2 } };

        (await Users.UpdateAsync(renamed, expectedVersion: 1, null, None)).Should().Be(UserStoreResult.Succeeded);
        (await Users.UpdateAsync(renamed with { Account = renamed.Account with { Version = 2 } }, expectedVersion: 1, null, None)).Should().Be(UserStoreResult.Conflict);
        (await Users.FindByUserNameAsync(Workspace, "LEE2", None))!.Account.Version.Should().Be(2);
        (await Users.FindByUserNameAsync(Workspace, "LEE", None)).Should().BeNull();
    }

    [Test]
    public async Task UpdateUser_EnablingPastTheLimit_IsRefused()
    {
        await CreateWorkspaceAsync();
        await Users.CreateAsync(NewUser("a"), null, None);
        var disabled = NewUser("b", enabled: false);
        await Users.CreateAsync(disabled, null, None);

        var enabled = disabled with { Account = disabled.Account with { Enabled = true, Version = 2 } };

        (await Users.UpdateAsync(enabled, 1, seatLimit: 1, None)).Should().Be(UserStoreResult.SeatLimitReached);
        (await Users.FindByIdAsync(Workspace, "id-b", None))!.Account.Enabled.Should().BeFalse();
    }

    [Test]
    public async Task SetAnonymous_KeepsOneAnonymousAccountPerWorkspace()
    {
        await CreateWorkspaceAsync();
        await Users.SetAnonymousAsync(NewUser("anon", UserType.Anonymous), None);

        var replacement = NewUser("guest", UserType.Anonymous) with { Account = NewUser("guest", UserType.Anonymous).Account with { Id = "id-anon" } };
        (await Users.SetAnonymousAsync(replacement, None)).Should().Be(UserStoreResult.Succeeded);

        (await Users.FindAnonymousAsync(Workspace, None))!.Account.UserName.Should().Be("guest");
        (await Users.FindByUserNameAsync(Workspace, "ANON", None)).Should().BeNull();
    }

    [Test]
    public async Task SetAnonymous_WithAnotherAccountsName_IsRefused()
    {
        await CreateWorkspaceAsync();
        await Users.CreateAsync(NewUser("Lee"), null, None);

        (await Users.SetAnonymousAsync(NewUser("lee", UserType.Anonymous) with { Account = NewUser("lee", UserType.Anonymous).Account with { Id = "anon" } }, None))
            .Should().Be(UserStoreResult.UserNameTaken);
        (await Users.FindAnonymousAsync(Workspace, None)).Should().BeNull();
    }

    [Test]
    public async Task RecordFailedLogin_ConcurrentFailuresAreEachCounted_AndTheLimitLocks()
    {
        await CreateWorkspaceAsync();
        await Users.CreateAsync(NewUser("Lee"), null, None);

        await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => Task.Run(() => Users.RecordFailedLoginAsync(Workspace, "id-Lee", 1000, Now, None))));
        var counted = (await Users.FindByIdAsync(Workspace, "id-Lee", None))!.Account;
        var locked = await Users.RecordFailedLoginAsync(Workspace, "id-Lee", 26, Now.AddMinutes(15), None);

        counted.AccessFailedCount.Should().Be(25);
        counted.Version.Should().Be(26);
        locked!.AccessFailedCount.Should().Be(0);
        locked.LockoutEnd.Should().Be(Now.AddMinutes(15));
        (await Users.RecordFailedLoginAsync(Workspace, "missing", 5, Now, None)).Should().BeNull();
    }

    [Test]
    public async Task RecordSuccessfulLogin_ClearsFailuresAndLockout_AndStoresARehash()
    {
        await CreateWorkspaceAsync();
        await Users.CreateAsync(NewUser("Lee"), null, None);
        await Users.RecordFailedLoginAsync(Workspace, "id-Lee", 1, Now.AddMinutes(15), None);

        await Users.RecordSuccessfulLoginAsync(Workspace, "id-Lee", "$2a$05$new", None);

        var stored = (await Users.FindByIdAsync(Workspace, "id-Lee", None))!;
        (stored.Account.AccessFailedCount, stored.Account.LockoutEnd, stored.PasswordHash).Should().Be((0, (DateTimeOffset?)null, "$2a$05$new"));
    }

    [Test]
    public async Task Reclassify_ChangesClassifiedAccountsOnly_AndRefusesAnOlderVersion()
    {
        await CreateWorkspaceAsync();
        await Users.CreateAsync(NewUser("signed", UserType.External, UserTypeSource.Classified), null, None);
        await Users.CreateAsync(NewUser("assigned", UserType.External), null, None);

        var report = await Users.ReclassifyAsync(Workspace, 5, _ => UserType.Internal, None);
        var stale = await Users.ReclassifyAsync(Workspace, 4, _ => UserType.External, None);

        report.Should().BeEquivalentTo(new ReclassificationReport { Examined = 1, BecameInternal = 1, InternalUsers = 1, ExternalUsers = 1 });
        stale.Should().BeNull();
        (await Users.FindByIdAsync(Workspace, "id-signed", None))!.Account.UserType.Should().Be(UserType.Internal);
        (await Users.FindByIdAsync(Workspace, "id-assigned", None))!.Account.UserType.Should().Be(UserType.External);
    }

    [Test]
    public async Task Reclassify_WhenClassifyThrows_WritesNothing()
    {
        await CreateWorkspaceAsync();
        await Users.CreateAsync(NewUser("a", UserType.External, UserTypeSource.Classified), null, None);
        await Users.CreateAsync(NewUser("b", UserType.External, UserTypeSource.Classified), null, None);
        var calls = 0;

        var act = () => Users.ReclassifyAsync(Workspace, 1, _ => ++calls == 2 ? throw new InvalidOperationException("boom") : UserType.Internal, None);

        await act.Should().ThrowAsync<InvalidOperationException>();
        (await Users.CountSeatsAsync(Workspace, None)).Should().Be(new SeatCounts(0, 2));
    }
}
