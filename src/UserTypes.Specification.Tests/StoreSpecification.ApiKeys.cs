namespace UserTypes.Specification.Tests;

public abstract partial class StoreSpecification
{
    private static StoredApiKey NewApiKey(string id, string userId = "id-Lee", int minutes = 0, DateTimeOffset? expiresAt = null, string workspace = Workspace) => new()
    {
        Id = id,
        WorkspaceId = workspace,
        UserId = userId,
        SecurityStamp = StampOf(userId),
        Name = "deploy " + id,
        Hash = System.Text.Encoding.UTF8.GetBytes("hash-of-" + id),
        CreatedAt = Now.AddMinutes(minutes),
        ExpiresAt = expiresAt,
    };

    // The stamp every key owner of these tests has, so that a key is made under its account's stamp.
    private static string StampOf(string userId) => "stamp-" + userId;

    private static StoredUser NewKeyOwner(string name)
    {
        var user = NewUser(name);
        return user with { Account = user.Account with { SecurityStamp = StampOf(user.Account.Id) } };
    }

    private static AuditEntry ApiKeyCreated(StoredApiKey key) => Entry(AuditActions.ApiKeyCreated, key.UserId, $"API key {key.Id} created.", key.WorkspaceId);

    private static AuditEntry ApiKeyRevoked(string keyId, string userId) => Entry(AuditActions.ApiKeyRevoked, userId, $"API key {keyId} revoked.");

    private Task<bool> AddApiKeyAsync(StoredApiKey key, int maxPerAccount = 5) => Store.AddApiKeyAsync(key, maxPerAccount, ApiKeyCreated(key), None);

    private async Task<IReadOnlyList<string>> ApiKeyIdsAsync(string? userId = null, (DateTimeOffset, string)? after = null, int limit = 100, string workspace = Workspace) =>
        [.. (await Store.ListApiKeysAsync(workspace, userId, after, limit, None)).Select(key => key.Id)];

    // The workspace, with accounts Lee and Kim for the keys to belong to.
    private async Task CreateAccountsForApiKeysAsync()
    {
        await CreateWorkspaceAsync();
        Assert.That(await Store.CreateAsync(NewKeyOwner("Lee"), null, null, [], None), Is.EqualTo(UserStoreResult.Succeeded));
        Assert.That(await Store.CreateAsync(NewKeyOwner("Kim"), null, null, [], None), Is.EqualTo(UserStoreResult.Succeeded));
    }

    /// <summary>
    /// A key is found as it was added, every field: an instant to the tick (an expiry given in another offset is the same
    /// instant), no expiry as none, and hash bytes no text encoding could carry.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task ApiKeys_Add_ThenFind_RoundTripsEveryField()
    {
        await CreateAccountsForApiKeysAsync();
        var expiring = NewApiKey("k-expiring") with
        {
            Name = "Déploiement « nuit » 'quoted' ✓",
            Hash = [0x00, 0xFF, 0x80, 0x27, 0x5C, .. Enumerable.Range(0, 27).Select(i => (byte)(i * 37))],
            CreatedAt = Now.AddTicks(1_234_567),
            ExpiresAt = new DateTimeOffset(2027, 1, 2, 5, 6, 7, TimeSpan.FromHours(2)).AddTicks(89),
        };
        var forever = NewApiKey("k-forever", userId: "id-Kim");

        Assert.That(await AddApiKeyAsync(expiring), Is.True);
        Assert.That(await AddApiKeyAsync(forever), Is.True);
        var foundExpiring = await Store.FindApiKeyAsync(Workspace, "k-expiring", None);
        var foundForever = await Store.FindApiKeyAsync(Workspace, "k-forever", None);

        Assert.That(foundExpiring, Is.Not.Null);
        Assert.That(foundForever, Is.Not.Null);
        Assert.That(foundExpiring!.Hash, Is.EqualTo(expiring.Hash), "the hash bytes, every one");
        Assert.That(foundExpiring with { Hash = expiring.Hash }, Is.EqualTo(expiring), "every other field as added");
        Assert.That(foundForever!.ExpiresAt, Is.Null, "no expiry stays no expiry");
        Assert.That(foundForever with { Hash = forever.Hash }, Is.EqualTo(forever));
        Assert.That(foundForever.Hash, Is.EqualTo(forever.Hash));
    }

    /// <summary>A key is found only in its own workspace, and ids are compared exactly.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task ApiKeys_Find_InAnotherWorkspaceOrByAnotherId_ReturnsNull()
    {
        await CreateAccountsForApiKeysAsync();
        await Store.TryCreateAsync(NewWorkspace("other"), [], None);
        await AddApiKeyAsync(NewApiKey("k1"));

        Assert.That(await Store.FindApiKeyAsync("other", "k1", None), Is.Null, "a key of another workspace");
        Assert.That(await Store.FindApiKeyAsync("no-such-workspace", "k1", None), Is.Null);
        Assert.That(await Store.FindApiKeyAsync(Workspace, "K1", None), Is.Null, "ids are case-sensitive");
        Assert.That(await Store.FindApiKeyAsync(Workspace, "k", None), Is.Null);
        Assert.That(await ApiKeyIdsAsync(workspace: "other"), Is.Empty);
    }

    /// <summary>A key for an account the workspace does not have (never had, or of another workspace) is refused: nothing written, no entry, no signal.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task ApiKeys_Add_ForAnAccountThatDoesNotExist_IsRefused_AndWritesNothing()
    {
        await CreateAccountsForApiKeysAsync();
        await Store.TryCreateAsync(NewWorkspace("other"), [], None);
        var heard = Listen(Changes);

        var unknown = await AddApiKeyAsync(NewApiKey("k-unknown", userId: "id-nobody"));
        var otherWorkspace = await AddApiKeyAsync(NewApiKey("k-other", workspace: "other"));

        Assert.That((unknown, otherWorkspace), Is.EqualTo((false, false)), "id-Lee exists, but not in workspace 'other'");
        Assert.That(await Store.FindApiKeyAsync(Workspace, "k-unknown", None), Is.Null);
        Assert.That(await Store.FindApiKeyAsync("other", "k-other", None), Is.Null);
        Assert.That(await ApiKeyIdsAsync(), Is.Empty);
        Assert.That(await TrailAsync(), Is.Empty);
        Assert.That(await TrailAsync("other"), Is.Empty);
        Assert.That(heard, Is.Empty, "a refused write raises nothing");
    }

    /// <summary>
    /// An account holding its limit of unexpired keys gets no more: nothing written, no entry; another account has its
    /// own limit. A key expiring even a tick after the new key's creation still counts.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task ApiKeys_Add_PastTheLimitOfUnexpiredKeys_IsRefused_AndWritesNothing()
    {
        await CreateAccountsForApiKeysAsync();
        await AddApiKeyAsync(NewApiKey("k1", expiresAt: Now.AddMinutes(10).AddTicks(1)), maxPerAccount: 2);
        await AddApiKeyAsync(NewApiKey("k2", minutes: 1), maxPerAccount: 2);
        var heard = Listen(Changes);

        var third = await AddApiKeyAsync(NewApiKey("k3", minutes: 10), maxPerAccount: 2);
        var otherAccount = await AddApiKeyAsync(NewApiKey("kim-1", userId: "id-Kim", minutes: 10), maxPerAccount: 2);

        Assert.That(third, Is.False, "k1 has not expired when k3 would be created");
        Assert.That(otherAccount, Is.True);
        Assert.That(await Store.FindApiKeyAsync(Workspace, "k3", None), Is.Null);
        Assert.That(await ApiKeyIdsAsync("id-Lee"), Is.EqualTo(new[] { "k1", "k2" }));
        Assert.That((await TrailAsync()).Select(entry => entry.Summary), Is.EqualTo(new[]
        {
            "API key k1 created.", "API key k2 created.", "API key kim-1 created.",
        }));
        Assert.That(heard, Is.EqualTo(new[] { (Workspace, (string?)"id-Kim") }), "only the key that was added is signalled");
    }

    /// <summary>
    /// Keys expired by the new key's creation (at their expiry instant included) do not count towards the limit, and are
    /// purged when a key is added; unexpired ones are kept.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task ApiKeys_Add_ExpiredKeysDoNotCount_AndArePurged()
    {
        await CreateAccountsForApiKeysAsync();
        await AddApiKeyAsync(NewApiKey("old-1", expiresAt: Now.AddMinutes(5)), maxPerAccount: 2);
        await AddApiKeyAsync(NewApiKey("old-2", minutes: 1, expiresAt: Now.AddMinutes(10)), maxPerAccount: 2);
        Assert.That(await ApiKeyIdsAsync("id-Lee"), Is.EqualTo(new[] { "old-1", "old-2" }), "expired keys are kept until a key is added");

        var added = await AddApiKeyAsync(NewApiKey("new-1", minutes: 10), maxPerAccount: 2);
        var second = await AddApiKeyAsync(NewApiKey("new-2", minutes: 11), maxPerAccount: 2);

        Assert.That((added, second), Is.EqualTo((true, true)), "old-2 expires at the very instant new-1 is created, so it no longer counts");
        Assert.That(await ApiKeyIdsAsync("id-Lee"), Is.EqualTo(new[] { "new-1", "new-2" }));
        Assert.That(await Store.FindApiKeyAsync(Workspace, "old-1", None), Is.Null, "purged");
        Assert.That(await Store.FindApiKeyAsync(Workspace, "old-2", None), Is.Null, "purged");
    }

    /// <summary>Thirty adds racing for one account's seven keys: exactly seven land, each with exactly one entry.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task ApiKeys_AddsRacingForTheLimit_LandExactlyTheLimit_EachWithOneEntry()
    {
        await CreateAccountsForApiKeysAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => AddApiKeyAsync(NewApiKey($"k{i:D2}"), maxPerAccount: 7))));

        var added = Enumerable.Range(0, 30).Where(i => results[i]).Select(i => $"k{i:D2}").Order(StringComparer.Ordinal).ToList();
        Assert.That(added, Has.Count.EqualTo(7));
        Assert.That(await ApiKeyIdsAsync("id-Lee"), Is.EqualTo(added), "the keys stored are the ones reported added");
        var trail = await Store.ReadAuditAsync(Workspace, new AuditFilter { Action = AuditActions.ApiKeyCreated, Limit = 100 }, None);
        Assert.That(trail.Select(entry => entry.Summary).Order(StringComparer.Ordinal), Is.EqualTo(added.Select(id => $"API key {id} created.")));
    }

    /// <summary>
    /// Keys are listed by workspace or by account, oldest first, then by id compared by code point; a page continues after
    /// the creation time and id of the previous page's last key, ties included; other workspaces' keys never show.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task ApiKeys_List_ByWorkspaceOrAccount_InCreationThenIdOrder_WithKeysetPages()
    {
        await CreateAccountsForApiKeysAsync();
        await Store.TryCreateAsync(NewWorkspace("other"), [], None);
        await Store.CreateAsync(NewKeyOwner("Max") with { Account = NewKeyOwner("Max").Account with { WorkspaceId = "other" } }, null, null, [], None);

        // Added out of order. Ids are base64url: by code point '-' < 'B' < '_' < 'a', which is how every store must
        // compare them (a collation of a language would sort them otherwise, and pages would skip or repeat keys).
        await AddApiKeyAsync(NewApiKey("c", minutes: 2));
        await AddApiKeyAsync(NewApiKey("a", userId: "id-Kim", minutes: 1));
        await AddApiKeyAsync(NewApiKey("_x", minutes: 1));
        await AddApiKeyAsync(NewApiKey("B", minutes: 1));
        await AddApiKeyAsync(NewApiKey("d", userId: "id-Kim", minutes: 0));
        await AddApiKeyAsync(NewApiKey("-x", userId: "id-Kim", minutes: 1));
        await AddApiKeyAsync(NewApiKey("e", minutes: 1, expiresAt: Now.AddMinutes(30)));
        await AddApiKeyAsync(NewApiKey("x", userId: "id-Max", workspace: "other"));

        var all = await Store.ListApiKeysAsync(Workspace, null, null, 100, None);
        var firstPage = await Store.ListApiKeysAsync(Workspace, null, null, 2, None);
        var secondPage = await ApiKeyIdsAsync(after: (firstPage[^1].CreatedAt, firstPage[^1].Id), limit: 2);

        Assert.That(all.Select(key => key.Id), Is.EqualTo(new[] { "d", "-x", "B", "_x", "a", "e", "c" }));
        Assert.That(firstPage.Select(key => key.Id), Is.EqualTo(new[] { "d", "-x" }));
        Assert.That(secondPage, Is.EqualTo(new[] { "B", "_x" }), "continued after (1 min, -x): the tie at the same time is broken by id");
        Assert.That(await ApiKeyIdsAsync(after: (Now.AddMinutes(1), "_x")), Is.EqualTo(new[] { "a", "e", "c" }));
        Assert.That(await ApiKeyIdsAsync(after: (Now.AddMinutes(2), "c")), Is.Empty);
        Assert.That(await ApiKeyIdsAsync("id-Lee"), Is.EqualTo(new[] { "B", "_x", "e", "c" }));
        Assert.That(await ApiKeyIdsAsync("id-Kim", after: (Now, "d"), limit: 1), Is.EqualTo(new[] { "-x" }));
        Assert.That(await ApiKeyIdsAsync("id-nobody"), Is.Empty);
        Assert.That(await ApiKeyIdsAsync("id-Max", workspace: "other"), Is.EqualTo(new[] { "x" }));
        Assert.That(await ApiKeyIdsAsync("id-Max"), Is.Empty, "an account of another workspace has no keys in this one");
        Assert.That(all.Single(key => key.Id == "e").ExpiresAt, Is.EqualTo(Now.AddMinutes(30)), "listed keys carry every field, as found ones do");
    }

    /// <summary>
    /// A key is removed only by naming its own account: another account's id, or a removal already made, removes nothing,
    /// writes no entry and raises nothing. The removal that lands writes its entry and signals the key's account.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task ApiKeys_Remove_OnlyWithItsOwner_WritesItsEntryAndSignalsOnlyWhenItRemoves()
    {
        await CreateAccountsForApiKeysAsync();
        await AddApiKeyAsync(NewApiKey("k1"));
        await AddApiKeyAsync(NewApiKey("k2"));
        var before = (await TrailAsync()).Count;
        var heard = Listen(Changes);

        var wrongOwner = await Store.RemoveApiKeyAsync(Workspace, "id-Kim", "k1", ApiKeyRevoked("k1", "id-Kim"), None);
        var wrongWorkspace = await Store.RemoveApiKeyAsync("other", "id-Lee", "k1", ApiKeyRevoked("k1", "id-Lee"), None);
        var heardAfterRefusals = heard.ToArray();
        var removed = await Store.RemoveApiKeyAsync(Workspace, "id-Lee", "k1", ApiKeyRevoked("k1", "id-Lee"), None);
        var again = await Store.RemoveApiKeyAsync(Workspace, "id-Lee", "k1", ApiKeyRevoked("k1", "id-Lee") with { Summary = "again" }, None);

        Assert.That((wrongOwner, wrongWorkspace, removed, again), Is.EqualTo((false, false, true, false)));
        Assert.That(heardAfterRefusals, Is.Empty, "a removal that found nothing raises nothing");
        Assert.That(heard, Is.EqualTo(new[] { (Workspace, (string?)"id-Lee") }));
        Assert.That(await Store.FindApiKeyAsync(Workspace, "k1", None), Is.Null);
        Assert.That(await ApiKeyIdsAsync(), Is.EqualTo(new[] { "k2" }), "only the key named is removed");
        var written = (await TrailAsync()).Skip(before).ToList();
        Assert.That(written.Select(entry => (entry.Action, entry.SubjectUserId, entry.Summary)), Is.EqualTo(new[]
        {
            (AuditActions.ApiKeyRevoked, (string?)"id-Lee", "API key k1 revoked."),
        }));
    }

    /// <summary>Adding a key signals its account (only), once the key can be read: a cache that refills on the signal sees it.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task ApiKeys_Add_SignalsItsAccount_OnceTheKeyCanBeRead()
    {
        await CreateAccountsForApiKeysAsync();
        var heard = Listen(Changes);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string?>();
        Changes.Changed += (_, change) =>
        {
            if (change.UserId == "id-Kim")
            {
                // Handlers run synchronously, as a cache's would; reading here is what a cache refilling itself does.
                seen.Enqueue(Store.FindApiKeyAsync(Workspace, "kim-1", None).GetAwaiter().GetResult()?.Id);
            }
        };

        await AddApiKeyAsync(NewApiKey("lee-1"));
        await AddApiKeyAsync(NewApiKey("kim-1", userId: "id-Kim"));

        Assert.That(heard, Is.EqualTo(new[] { (Workspace, (string?)"id-Lee"), (Workspace, (string?)"id-Kim") }));
        Assert.That(seen, Is.EqualTo(new[] { "kim-1" }));
    }

    /// <summary>Deleting an account deletes its keys with it, and leaves other accounts' keys alone.</summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task ApiKeys_DeletingTheAccount_DeletesItsKeys()
    {
        await CreateAccountsForApiKeysAsync();
        await AddApiKeyAsync(NewApiKey("lee-1"));
        await AddApiKeyAsync(NewApiKey("lee-2", expiresAt: Now.AddDays(1)));
        await AddApiKeyAsync(NewApiKey("kim-1", userId: "id-Kim"));

        Assert.That(await Store.DeleteAsync(Workspace, "id-Lee", 1, [], None), Is.EqualTo(UserStoreResult.Succeeded));

        Assert.That(await Store.FindApiKeyAsync(Workspace, "lee-1", None), Is.Null);
        Assert.That(await ApiKeyIdsAsync("id-Lee"), Is.Empty);
        Assert.That(await ApiKeyIdsAsync(), Is.EqualTo(new[] { "kim-1" }));
    }

    /// <summary>
    /// A key lives no longer than the stamp of its account it was made under: one made under an old stamp is refused on
    /// add, left out of listings (though found by id, for the caller to judge), and purged by the next add.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public async Task ApiKeys_OfAnOldStamp_AreRefusedOnAdd_LeftOutOfListings_AndPurgedOnTheNextAdd()
    {
        await CreateAccountsForApiKeysAsync();
        Assert.That(await AddApiKeyAsync(NewApiKey("k-old")), Is.True);
        var lee = (await Store.FindByIdAsync(Workspace, "id-Lee", None))!;
        var moved = lee with { Account = lee.Account with { SecurityStamp = "stamp-moved", Version = lee.Account.Version + 1 } };
        Assert.That(await Store.UpdateAsync(moved, lee.Account.Version, null, null, [], None), Is.EqualTo(UserStoreResult.Succeeded));

        Assert.That(await AddApiKeyAsync(NewApiKey("k-stale")), Is.False, "made under a stamp the account no longer has");
        Assert.That(await ApiKeyIdsAsync("id-Lee"), Is.Empty, "a key of the old stamp is dead");
        Assert.That(await ApiKeyIdsAsync(), Is.Empty);
        Assert.That(await Store.FindApiKeyAsync(Workspace, "k-old", None), Is.Not.Null, "found by id, for the caller to judge");

        Assert.That(await AddApiKeyAsync(NewApiKey("k-new") with { SecurityStamp = "stamp-moved" }), Is.True);
        Assert.That(await Store.FindApiKeyAsync(Workspace, "k-old", None), Is.Null, "purged by the add");
        Assert.That(await ApiKeyIdsAsync("id-Lee"), Is.EqualTo(new[] { "k-new" }));
    }
}
