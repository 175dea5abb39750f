namespace UserTypes.Tests.Stores;

/// <summary>
/// The relational stores reserve login attempts in one upsert statement; the in-memory store runs
/// <see cref="LoginAttemptRecord"/>'s steps. Random sequences of reserve, release, clear and clock moves on one key
/// (with another key reserved now and then, so that purges run) must get the same answers and show the same account
/// on both, and reservations of many returning users at once must neither fail nor purge each other's live records.
/// </summary>
[TestFixture(StoreKind.Sqlite, 150)]
[TestFixture(StoreKind.PostgreSql, 40)]
public sealed class LoginAttemptUpsertTests(StoreKind kind, int sequences)
{
    [Test]
    public async Task TheUpsert_AnswersAsLoginAttemptRecordDoes()
    {
        for (var seed = 0; seed < sequences; seed++)
        {
            await RunAsync(seed);
        }
    }

    [Test]
    public async Task ManyReturningUsersAtOnce_InTwoProcesses_AreAllReserved_AndNoLiveRecordIsPurged()
    {
        using var first = new TestHost(store: kind);
        using var second = new TestHost(shareStoresWith: first);
        var stores = new[] { first.UserStore, second.UserStore };
        var workspace = await first.CreateWorkspaceAsync();
        var policy = LoginAttemptPolicy.From(new LockoutOptions());
        var then = first.Clock.GetUtcNow();
        for (var round = 0; round < 6; round++)
        {
            // Every record has expired when its owner comes back, so each reservation revives its own record while
            // the purges of all the others look for expired ones to delete.
            var keys = Enumerable.Range(0, 16).Select(i => LoginAttemptKeys.ForAccount($"r{round}-{i}")).ToArray();
            foreach (var key in keys)
            {
                await stores[0].ReserveLoginAttemptAsync(workspace, key, policy, then, null, CancellationToken.None);
            }

            then = then.AddMinutes(16);
            var now = then;
            var reserved = await Task.WhenAll(keys.Select((key, i) => Task.Run(() =>
                stores[i % 2].ReserveLoginAttemptAsync(workspace, key, policy, now, null, CancellationToken.None))));

            reserved.Should().AllSatisfy(attempt => attempt.Should().NotBeNull(), $"round {round}: nobody is locked");
            for (var i = 0; i < keys.Length; i++)
            {
                // A purged record would come back as a new one: another epoch.
                var again = await stores[1].ReserveLoginAttemptAsync(workspace, keys[i], policy, now.AddSeconds(1), null, CancellationToken.None);
                (again!.Epoch, again.Ticket).Should().Be((reserved[i]!.Epoch, reserved[i]!.Ticket + 1), $"round {round}: the record of {keys[i]} was kept");
            }
        }
    }

    private async Task RunAsync(int seed)
    {
        var random = new Random(seed);
        var max = random.Next(1, 5);
        TimeSpan? backOff = random.Next(2) == 0 ? null : TimeSpan.FromSeconds(random.Next(1, 30));
        var duration = TimeSpan.FromSeconds(random.Next(30, 300));
        var policy = LoginAttemptPolicy.From(new LockoutOptions { MaxFailedAttempts = max, Duration = duration, BackOff = backOff });
        using var memory = new TestHost();
        using var relational = new TestHost(store: kind);
        var workspace = "ws-diff";
        await memory.Workspaces.CreateAsync(workspace, "owner@softr.io");
        await relational.Workspaces.CreateAsync(workspace, "owner@softr.io");
        var accountIn = new Dictionary<TestHost, UserAccount>
        {
            [memory] = await memory.Users.CreateInternalUserAsync(workspace, "lee", "lee@softr.io", TestHost.Password),
            [relational] = await relational.Users.CreateInternalUserAsync(workspace, "lee", "lee@softr.io", TestHost.Password),
        };
        var attempts = new Dictionary<TestHost, List<LoginAttempt>> { [memory] = [], [relational] = [] };
        var log = new List<string>();
        for (var step = 0; step < 40; step++)
        {
            var op = random.Next(10);
            var pick = random.Next(1000);
            var advance = TimeSpan.FromSeconds(random.Next(0, 3) == 0 ? random.Next(0, (int)duration.TotalSeconds * 3) : random.Next(0, 5));
            var answers = new List<string>();
            foreach (var host in new[] { memory, relational })
            {
                var store = host.UserStore;
                var key = LoginAttemptKeys.ForAccount(accountIn[host].Id);
                var now = host.Clock.GetUtcNow();
                string answer;
                switch (op)
                {
                    case < 5:
                        var reserved = await store.ReserveLoginAttemptAsync(workspace, key, policy, now, null, CancellationToken.None);
                        if (reserved is not null)
                        {
                            attempts[host].Add(reserved);
                        }

                        answer = reserved is null ? "reserve:null" : $"reserve:{reserved.Ticket}/{reserved.LockedUntil?.ToString("O")}";
                        break;
                    case < 7 when attempts[host].Count > 0:
                        var release = attempts[host][pick % attempts[host].Count];
                        await store.ReleaseLoginAttemptAsync(workspace, key, release, null, CancellationToken.None);
                        answer = $"release:{release.Ticket}";
                        break;
                    case 7:
                        await store.ClearLoginAttemptsAsync(workspace, key, null, CancellationToken.None);
                        answer = "clear";
                        break;
                    case 8:
                        await store.ReserveLoginAttemptAsync(workspace, "n:other", policy, now, null, CancellationToken.None);
                        answer = "other";
                        break;
                    default:
                        host.Clock.Advance(advance);
                        answer = $"advance:{advance}";
                        break;
                }

                var shown = (await store.FindByIdAsync(workspace, accountIn[host].Id, CancellationToken.None))!.Account;
                answers.Add($"{answer} -> failed={shown.AccessFailedCount} lockedUntil={shown.LockoutEnd?.ToString("O")}");
            }

            log.Add(answers[0]);
            answers[1].Should().Be(answers[0], $"seed {seed} (max {max}, backOff {backOff}, duration {duration}), step {step}; before:\n{string.Join("\n", log)}");
        }
    }
}
