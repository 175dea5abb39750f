using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using UserTypes.Sample.Demo;

namespace UserTypes.Sample.Hosting;

/// <summary>What a newcomer sees on start: where the sample listens, where its data is, and where the walkthrough is.</summary>
internal static class StartupBanner
{
    public static void Print(IServer server, string connectionString, string outbox, TextWriter output)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return;
        }

        var url = $"{address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/')}/workspaces/{DemoWorkspace.Id}";
        output.WriteLine($"""

            UserTypes sample listening on {address}
            Data: {Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource)} (delete it to start afresh)
            Mail: {outbox} (one .eml file a mail: sign-up and reset links arrive there)
            Demo workspace: {url}
              internal admin '{DemoWorkspace.AdminUserName}:{DemoWorkspace.AdminPassword}', external partner '{DemoWorkspace.PartnerUserName}:{DemoWorkspace.PartnerPassword}' (demo passwords, this machine only)
            Walkthrough: samples/UserTypes.Sample/UserTypes.Sample.http, or the curl lines in README.md. First try:
              curl -i {url}/contacts

            """);
    }
}
