using Microsoft.Extensions.DependencyInjection;

namespace UserTypes.Benchmarks.Authentication;

/// <summary>A host with one workspace holding an internal user and the anonymous account, at a given work factor.</summary>
internal sealed class AuthenticationHost : IDisposable
{
    public const string Workspace = "bench";
    public const string Password = "correct horse battery staple";

    private readonly ServiceProvider _provider;

    public AuthenticationHost(int workFactor, bool rememberPasswords = true)
    {
        _provider = new ServiceCollection()
            .AddUserTypes(o =>
            {
                o.Mail.Enabled = false;
                o.Password.WorkFactor = workFactor;
                o.Password.VerifiedCacheDuration = rememberPasswords ? TimeSpan.FromMinutes(5) : TimeSpan.Zero;
                o.AnonymousUsers.AllowImplicit = true;
                o.Lockout.MaxFailedAttempts = 1000;
            })
            .AddInMemoryStores()
            .Services.BuildServiceProvider();
        Authenticator = _provider.GetRequiredService<IAuthenticator>();
        var workspaces = _provider.GetRequiredService<IWorkspaceDirectory>();
        var users = _provider.GetRequiredService<IUserDirectory>();
        workspaces.CreateAsync(Workspace, "owner@softr.io").GetAwaiter().GetResult();
        workspaces.SetLicenseAsync(Workspace, new WorkspaceLicense { AnonymousUsers = true }).GetAwaiter().GetResult();
        users.CreateInternalUserAsync(Workspace, "staff", "staff@softr.io", Password).GetAwaiter().GetResult();
        AnonymousUserId = users.SetAnonymousUserAsync(Workspace, "anonymous", Password).GetAwaiter().GetResult().Id;
        StoredHash = _provider.GetRequiredService<IUserTypesStore>().FindByUserNameAsync(Workspace, "STAFF", CancellationToken.None).GetAwaiter().GetResult()!.PasswordHash;
    }

    public IAuthenticator Authenticator { get; }

    public string AnonymousUserId { get; }

    public StoreChangeSignal Changes => _provider.GetRequiredService<StoreChangeSignal>();

    public string StoredHash { get; }

    public async Task<bool> TryAsync(string userName, string password)
    {
        try
        {
            await Authenticator.AuthenticateAsync(Workspace, new PasswordCredentials(userName, password), ClientKind.WebApplication);
            return true;
        }
        catch (AuthenticationFailedException)
        {
            return false;
        }
    }

    /// <summary>Creates an API key for the internal user.</summary>
    public async Task<string> CreateApiKeyAsync()
    {
        var staff = await Authenticator.AuthenticateAsync(Workspace, new PasswordCredentials("staff", Password), ClientKind.WebApplication);
        return (await _provider.GetRequiredService<IApiKeys>().CreateAsync(staff, "benchmark")).Key;
    }

    public void Dispose() => _provider.Dispose();
}
