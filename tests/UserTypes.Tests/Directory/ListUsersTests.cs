using UserTypes.Tests.Stores;

namespace UserTypes.Tests.Directory;

/// <summary>Listing a workspace's accounts a page at a time, with filters, on every store.</summary>
[TestFixtureSource(typeof(StoreFixture), nameof(StoreFixture.Stores))]
public sealed class ListUsersTests(StoreKind store) : WorkspaceFixture(store)
{

    [Test]
    public async Task Pages_ListEveryAccountOnce_InOrderOfTheNormalisedUserName()
    {
        foreach (var name in new[] { "zoe", "Adam", "bob", "Carla", "dave", "Émile", "eve" })
        {
            await CreateAsync(name);
        }

        var pages = await AllPagesAsync(new UserQuery { PageSize = 3 });

        pages.Should().HaveCount(3);
        pages.SelectMany(page => page).Select(account => account.UserName).Should()
            .Equal("Adam", "admin", "bob", "Carla", "dave", "eve", "zoe", "Émile");
    }

    [Test]
    public async Task Filters_Combine_AndTheSearchIsALiteralCaseInsensitivePrefixOfNameOrAddress()
    {
        await CreateAsync("anna", "anna@softr.io");
        await CreateAsync("bert", "an.other@softr.io");
        await CreateAsync("an_x", "x@softr.io");
        await CreateAsync("anzx", "y@softr.io");
        var partner = await Host.Users.CreateExternalUserAsync(Admin, "person-7", "ANDY", "andy@partner.example", TestHost.Password);
        await Host.Users.SetEnabledAsync(WorkspaceId, (await Host.Users.FindByUserNameAsync(WorkspaceId, "anna"))!.Id, enabled: false);

        (await NamesAsync(new UserQuery { Search = "AN" })).Should().Equal("ANDY", "anna", "anzx", "an_x", "bert");
        (await NamesAsync(new UserQuery { Search = "an_" })).Should().Equal("an_x");
        (await NamesAsync(new UserQuery { Search = "an%" })).Should().BeEmpty();
        (await NamesAsync(new UserQuery { Search = "an", UserType = UserType.External })).Should().Equal("ANDY");
        (await NamesAsync(new UserQuery { Search = "an", Enabled = false })).Should().Equal("anna");
        (await NamesAsync(new UserQuery { PersonId = "person-7" })).Should().Equal(partner.UserName);
    }

    [Test]
    public async Task AToken_IsBoundToItsWorkspaceAndFilters_AndAMalformedOneIsRefused()
    {
        for (var i = 0; i < 4; i++)
        {
            await CreateAsync($"user{i}");
        }

        var first = await Host.Users.ListUsersAsync(WorkspaceId, new UserQuery { PageSize = 2 });
        var other = await Host.CreateWorkspaceAsync("owner@softr.io");

        var otherFilters = () => Host.Users.ListUsersAsync(WorkspaceId, new UserQuery { PageSize = 2, Enabled = true, ContinuationToken = first.ContinuationToken });
        var otherWorkspace = () => Host.Users.ListUsersAsync(other, new UserQuery { PageSize = 2, ContinuationToken = first.ContinuationToken });
        var corrupted = () => Host.Users.ListUsersAsync(WorkspaceId, new UserQuery { PageSize = 2, ContinuationToken = first.ContinuationToken![..^2] + "AA" });
        var garbage = () => Host.Users.ListUsersAsync(WorkspaceId, new UserQuery { ContinuationToken = "not a token!" });

        first.ContinuationToken.Should().NotBeNull();
        foreach (var act in new[] { otherFilters, otherWorkspace, corrupted, garbage })
        {
            (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("query");
        }
    }

    [TestCase(0)]
    [TestCase(1001)]
    public async Task APageSizeOutsideItsRange_IsRefused(int pageSize)
    {
        var act = () => Host.Users.ListUsersAsync(WorkspaceId, new UserQuery { PageSize = pageSize });

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("PageSize");
    }

    [Test]
    public async Task WhileAccountsComeAndGo_EveryAccountThatStays_IsListedExactlyOnce()
    {
        var staying = new List<string> { "admin" };
        for (var i = 0; i < 30; i++)
        {
            staying.Add((await CreateAsync($"stay{i:00}")).UserName);
        }

        var listed = new List<string>();
        var query = new UserQuery { PageSize = 4 };
        var churn = 0;
        while (true)
        {
            var page = await Host.Users.ListUsersAsync(WorkspaceId, query);
            listed.AddRange(page.Users.Select(account => account.UserName));

            // Between pages, accounts appear before and after the position, and others disappear.
            var early = await CreateAsync($"a-new{churn}");
            await CreateAsync($"zz-new{churn}");
            await Host.Users.DeleteAsync(WorkspaceId, early.Id);
            churn++;
            if (page.ContinuationToken is null)
            {
                break;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }

        listed.Where(staying.Contains).Should().BeEquivalentTo(staying).And.OnlyHaveUniqueItems();
    }

    private Task<UserAccount> CreateAsync(string userName, string? email = null) =>
        Host.Users.CreateInternalUserAsync(WorkspaceId, userName, email ?? $"{userName.ToLowerInvariant()}@softr.io", TestHost.Password);

    private async Task<List<string>> NamesAsync(UserQuery query) =>
        (await AllPagesAsync(query)).SelectMany(page => page).Select(account => account.UserName).Where(name => name != "admin").ToList();

    private async Task<List<IReadOnlyList<UserAccount>>> AllPagesAsync(UserQuery query)
    {
        var pages = new List<IReadOnlyList<UserAccount>>();
        while (true)
        {
            var page = await Host.Users.ListUsersAsync(WorkspaceId, query);
            pages.Add(page.Users);
            if (page.ContinuationToken is null)
            {
                return pages;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }
}
