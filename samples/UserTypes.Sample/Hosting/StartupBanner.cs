using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using UserTypes.Sample.Demo;

namespace UserTypes.Sample.Hosting;

/// <summary>What a newcomer sees on start: where the sample listens and calls that show the three user types.</summary>
internal static class StartupBanner
{
    public static void Print(IServer server, string connectionString, TextWriter output)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return;
        }

        var url = $"{address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/')}/workspaces/{DemoWorkspace.Id}";
        var admin = $"'{DemoWorkspace.AdminUserName}:{DemoWorkspace.AdminPassword}'";
        var partner = $"'{DemoWorkspace.PartnerUserName}:{DemoWorkspace.PartnerPassword}'";
        const string Json = "-H 'Content-Type: application/json'";
        output.WriteLine($"""

            UserTypes sample listening on {address}
            Data: {Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource)} (delete it to start afresh)
            Demo workspace '{DemoWorkspace.Id}': owner {DemoWorkspace.OwnerEmail}, collaborator {DemoWorkspace.CollaboratorEmail}, guest {DemoWorkspace.GuestEmail},
              signup domain {DemoWorkspace.SignupDomain}; {DemoWorkspace.License.MaxInternalUsers} internal and {DemoWorkspace.License.MaxExternalUsers} external seats.
              Internal admin {admin}, external partner {partner} (demo passwords, for this machine only).

            Anonymous (no credentials): may view, may not write
              curl -i {url}/contacts
              curl -i -X POST {url}/contacts {Json} -d '{"{"}"name":"Ada","email":"ada@example.com"{"}"}'
            External partner (HTTP Basic, a service call): may view and edit contacts, may not delete or see seats
              curl -i -u {partner} {url}/me
              curl -i -u {partner} -X PUT {url}/contacts/1 {Json} -d '{"{"}"name":"Pat Partner","email":"{DemoWorkspace.PartnerEmail}"{"}"}'
              curl -i -u {partner} -X DELETE {url}/contacts/1
              curl -i -u {partner} {url}/seats
            A wrong password: 401 with one generic message
              curl -i -u '{DemoWorkspace.PartnerUserName}:wrong password' {url}/me
            Internal admin, web login with a cookie: everything, seat usage included
              curl -i -c cookies.txt -X POST {url}/login {Json} -d '{"{"}"userName":"{DemoWorkspace.AdminUserName}","password":"{DemoWorkspace.AdminPassword}"{"}"}'
              curl -i -b cookies.txt {url}/seats
              curl -i -b cookies.txt -X DELETE {url}/contacts/3
            Sign up: the address decides the type (the token comes back in Development)
              curl -i -X POST {url}/signup {Json} -d '{"{"}"email":"sam@{DemoWorkspace.SignupDomain}","password":"sam passphrase 1"{"}"}'

            """);
    }
}
