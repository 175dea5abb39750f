using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using UserTypes.Sample.DemoProvider;

namespace UserTypes.Tests.Sample;

/// <summary>
/// The sample host in memory, on a SQLite file of its own in a temporary folder (or <paramref name="folder"/>, to
/// start it again on the same data; the caller then deletes it). BCrypt runs at work factor 4 so the flows stay fast.
/// <paramref name="urls"/> are the addresses the host believes it serves, as <c>--urls</c> gives them. The demo identity
/// provider is off unless <paramref name="demoIdentityProvider"/> says otherwise (<see langword="null"/>: the host's
/// default for its environment): its issuer is the address the host listens on, and an in-memory server has none.
/// </summary>
internal sealed class SampleFactory(string environment = "Development", string? folder = null, string? urls = null, bool? demoIdentityProvider = false)
    : WebApplicationFactory<Program>
{
    private readonly bool _ownsFolder = folder is null;

    public string Folder { get; } = folder ?? System.IO.Directory.CreateTempSubdirectory("usertypes-sample-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:UserTypes", $"Data Source={Path.Combine(Folder, "sample.db")}");
        if (urls is not null)
        {
            builder.UseSetting("urls", urls);
        }

        if (demoIdentityProvider is { } on)
        {
            builder.UseSetting(DemoIdentityProvider.Setting, on ? "true" : "false");
        }

        builder.ConfigureTestServices(services => services.Configure<UserTypesOptions>(o => o.Password.WorkFactor = 4));
    }

    /// <summary>Stops the host, and deletes its folder if it made it.</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsFolder)
        {
            DeleteFolder(Folder);
        }
    }

    public static void DeleteFolder(string folder)
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(folder, recursive: true);
    }
}
