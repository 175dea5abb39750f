using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using UserTypes.Sample.Demo;
using UserTypes.Sample.DemoProvider;
using UserTypes.Sample.Federation;

namespace UserTypes.Sample.Hosting;

/// <summary>What a newcomer sees on start: where the sample listens, where its data is, and where the walkthrough is.</summary>
internal static class StartupBanner
{
    public static void Print(IServer server, string connectionString, string outbox, SignInProviders providers, TextWriter output)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return;
        }

        var root = address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
        var url = $"{root}/workspaces/{DemoWorkspace.Id}";
        var demoProvider = providers.Offers(DemoIdentityProvider.Scheme)
            ? $"; the demo identity provider signs in any address you type: someone@{DemoWorkspace.InternalDomain} is internal"
            : string.Empty;
        var federation = providers.All.Count == 0
            ? string.Empty
            : $"{Environment.NewLine}  Federated sign-in, in a browser: {root}{FederationEndpoints.LoginPathFor(DemoWorkspace.Id)}{demoProvider}";
        output.WriteLine($"""

            UserTypes sample listening on {address}
            Data: {Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource)} (delete it to start afresh)
            Mail: {outbox} (one .eml file a mail: sign-up and reset links arrive there)
            Demo workspace: {url}
              internal admin '{DemoWorkspace.AdminUserName}:{DemoWorkspace.AdminPassword}', external partner '{DemoWorkspace.PartnerUserName}:{DemoWorkspace.PartnerPassword}' (demo passwords, this machine only){federation}
            Walkthrough: samples/UserTypes.Sample/UserTypes.Sample.http, or the curl lines in README.md. First try:
              curl -i {url}/contacts

            """);
    }
}
