namespace UserTypes.Specification.Tests;

public abstract partial class StoreSpecification
{
    /// <summary>Tokens are found by address and purpose, newest first; past the live limit the oldest stop being usable.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task AddToken_KeepsTheNewestLiveOnes_FoundByAddressAndPurpose()
    {
        await CreateWorkspaceAsync();

        for (var i = 0; i < 4; i++)
        {
            Assert.That(await Store.AddTokenAsync(NewToken($"t{i}", minutes: i), maxLive: 3, maxPerHour: 10, null, None), Is.True);
        }

        await Store.AddTokenAsync(NewToken("reset", minutes: 5) with { Purpose = TokenPurpose.PasswordReset }, 3, 10, null, None);
        var signUps = await Store.FindTokensAsync(Workspace, TokenPurpose.SignUp, "lee@acme.example", None);

        Assert.That(signUps.Select(token => token.Id), Is.EqualTo(new[] { "t3", "t2", "t1" }));
        Assert.That(signUps[0].Hash, Is.EqualTo(NewToken("t3", 3).Hash));
        Assert.That(await Store.FindTokensAsync(Workspace, TokenPurpose.SignUp, "kim@acme.example", None), Is.Empty);
    }

    /// <summary>
    /// Past the hourly limit of an address and purpose nothing is written; another purpose has its own; an hour later
    /// it is open again, even when the tokens lived less than an hour (the count outlives them).
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task AddToken_PastTheHourlyLimitOfTheAddressAndPurpose_WritesNothing()
    {
        await CreateWorkspaceAsync();
        StoredToken ShortLived(string id, int minutes) => NewToken(id, minutes) with { ExpiresAt = Now.AddMinutes(minutes + 5) };
        await Store.AddTokenAsync(ShortLived("a", 0), 3, maxPerHour: 2, null, None);
        await Store.AddTokenAsync(ShortLived("b", 10), 3, maxPerHour: 2, null, None);

        var third = await Store.AddTokenAsync(ShortLived("c", 30), 3, maxPerHour: 2, null, None);
        var otherPurpose = await Store.AddTokenAsync(ShortLived("r", 30) with { Purpose = TokenPurpose.PasswordReset }, 3, maxPerHour: 2, null, None);
        var nextHour = await Store.AddTokenAsync(ShortLived("d", 61), 3, maxPerHour: 2, null, None);

        Assert.That(third, Is.False, "a and b expired, but were issued within the hour");
        Assert.That(otherPurpose, Is.True);
        Assert.That(nextHour, Is.True);
        Assert.That((await Store.FindTokensAsync(Workspace, TokenPurpose.SignUp, "lee@acme.example", None)).Select(token => token.Id), Does.Contain("d").And.Not.Contain("c"));
    }

    /// <summary>A token is used up by the account write it authorises, once: a second write with it is refused and writes nothing.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task AnAccountWrite_UsesItsTokenUp_Once()
    {
        await CreateWorkspaceAsync();
        await Store.AddTokenAsync(NewToken("t", 0), 3, 10, null, None);

        var created = await Store.CreateAsync(NewUser("Lee"), null, "t", [], None);
        var again = await Store.CreateAsync(NewUser("Kim"), null, "t", [], None);
        var missing = await Store.UpdateAsync(Changed(NewUser("Lee"), account => account with { PersonId = "p" }), 1, null, "no-such-token", [], None);

        Assert.That(created, Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(again, Is.EqualTo(UserStoreResult.TokenUsed));
        Assert.That(missing, Is.EqualTo(UserStoreResult.TokenUsed));
        Assert.That(await Store.FindByIdAsync(Workspace, "id-Kim", None), Is.Null);
        Assert.That((await AccountAsync("id-Lee")).PersonId, Is.Null);
        Assert.That(await Store.FindTokensAsync(Workspace, TokenPurpose.SignUp, "lee@acme.example", None), Is.Empty);
    }

    /// <summary>A refused write (a full seat limit, a taken name or address, a stale version) leaves its token usable.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task ARefusedWrite_LeavesItsTokenUsable()
    {
        await CreateWorkspaceAsync();
        await Store.AddTokenAsync(NewToken("t", 0), 3, 10, null, None);
        var kim = NewUser("Kim");
        await Store.CreateAsync(kim, null, null, [], None);

        var full = await Store.CreateAsync(NewUser("Lee"), seatLimit: 1, "t", [], None);
        var nameTaken = await Store.CreateAsync(NewUser("KIM") with { Account = NewUser("KIM").Account with { Id = "id-other", Email = "other@acme.example" } }, null, "t", [], None);
        var emailTaken = await Store.CreateAsync(NewUser("Lee") with { Account = NewUser("Lee").Account with { Email = "kim@acme.example" } }, null, "t", [], None);
        var stale = await Store.UpdateAsync(kim with { Account = kim.Account with { Version = 3 } }, 2, null, "t", [], None);
        var used = await Store.UpdateAsync(Changed(kim, account => account with { PersonId = "p" }), 1, null, "t", [], None);

        Assert.That(new[] { full, nameTaken, emailTaken, stale }, Is.EqualTo(new[] { UserStoreResult.SeatLimitReached, UserStoreResult.UserNameTaken, UserStoreResult.EmailTaken, UserStoreResult.Conflict }));
        Assert.That(used, Is.EqualTo(UserStoreResult.Succeeded), "an update uses a token up too");
        Assert.That(await Store.FindTokensAsync(Workspace, TokenPurpose.SignUp, "lee@acme.example", None), Is.Empty);
    }

    /// <summary>Of many writes racing with one token, exactly one lands.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task WritesRacingWithOneToken_LandOnce()
    {
        await CreateWorkspaceAsync();
        await Store.AddTokenAsync(NewToken("t", 0), 3, 10, null, None);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => Store.CreateAsync(NewUser($"u{i}"), null, "t", [], None))));

        Assert.That(results.Count(result => result == UserStoreResult.Succeeded), Is.EqualTo(1));
        Assert.That(results.Count(result => result == UserStoreResult.TokenUsed), Is.EqualTo(9));
    }

    /// <summary>Purges racing completions lose nothing: expired tokens go, a live one is used up by its write alone.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task PurgesRacingACompletion_LoseNothing()
    {
        await CreateWorkspaceAsync();
        for (var i = 0; i < 30; i++)
        {
            var old = NewToken($"old{i}", minutes: -180) with { Email = $"old{i}@acme.example", ExpiresAt = Now.AddMinutes(-120) };
            await Store.AddTokenAsync(old, 3, 10, null, None);
        }

        await Store.AddTokenAsync(NewToken("live", 0), 3, 10, null, None);

        var purges = Enumerable.Range(0, 10).Select(i => Task.Run(() => Store.AddTokenAsync(NewToken($"new{i}", 1) with { Email = $"new{i}@acme.example" }, 3, 10, null, None)));
        var completion = Task.Run(() => Store.CreateAsync(NewUser("Lee"), null, "live", [], None));
        await Task.WhenAll([.. purges, completion]);

        Assert.That(completion.Result, Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await Store.FindTokensAsync(Workspace, TokenPurpose.SignUp, "old0@acme.example", None), Is.Empty, "expired an hour ago: purged");
        Assert.That(await Store.FindTokensAsync(Workspace, TokenPurpose.SignUp, "new9@acme.example", None), Has.Count.EqualTo(1));
    }

    private static StoredToken NewToken(string id, int minutes) => new()
    {
        Id = id,
        WorkspaceId = Workspace,
        Purpose = TokenPurpose.SignUp,
        Email = "lee@acme.example",
        Hash = System.Text.Encoding.UTF8.GetBytes("hash-of-" + id),
        CreatedAt = Now.AddMinutes(minutes),
        ExpiresAt = Now.AddMinutes(minutes).AddDays(1),
    };
}
