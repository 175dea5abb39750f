namespace UserTypes.Benchmarks.Stores;

/// <summary>The accounts the store benchmarks create: external, assigned, hashed once for the whole run.</summary>
internal static class BenchmarkAccounts
{
    public static StoredUser External(string id, long n) => new()
    {
        Account = new UserAccount
        {
            Id = id,
            WorkspaceId = "bench",
            UserName = $"user{n}",
            Email = $"user{n}@partner.example",
            UserType = UserType.External,
            UserTypeSource = UserTypeSource.Assigned,
        },
        PasswordHash = "$2a$11$pre-hashed-once-for-the-benchmark-run",
    };
}
