// The README's quickstart, runnable: dotnet run --project samples/UserTypes.Quickstart [-- address ...]
// Builds the workspace of the product document's examples and classifies the addresses given (or its own).
using Microsoft.Extensions.DependencyInjection;
using UserTypes;

var services = new ServiceCollection();
// Classification only: no mailbox flow, so no mailer is needed.
services.AddUserTypes(o => o.Mail.Enabled = false).AddInMemoryStores();
using var provider = services.BuildServiceProvider();

var workspaces = provider.GetRequiredService<IWorkspaceDirectory>();
var classifier = provider.GetRequiredService<IUserClassifier>();

await workspaces.CreateAsync("xyz-recruiting", "owner@softr.io");
await workspaces.AddCollaboratorAsync("xyz-recruiting", "joanne@xyz.com", CollaboratorRole.Collaborator);
await workspaces.AddCollaboratorAsync("xyz-recruiting", "guest@agency.example", CollaboratorRole.Guest);
await workspaces.AddSignupDomainAsync("xyz-recruiting", "yzx.com", includeSubdomains: true);

Console.WriteLine("Workspace 'xyz-recruiting': owner owner@softr.io, collaborator joanne@xyz.com,");
Console.WriteLine("guest guest@agency.example, signup domain yzx.com (with subdomains).");
Console.WriteLine();

string[] addresses = args.Length > 0 ? args :
[
    "john@softr.io", "james@xyz.com", "applicant@gmail.com", "someone@agency.example",
    "employee@hr.yzx.com", "attacker@notyzx.com", "Mallory <james@xyz.com>",
];

var exitCode = 0;
foreach (var address in addresses)
{
    try
    {
        var result = await classifier.ClassifyAsync("xyz-recruiting", address);
        Console.WriteLine($"{address,-28} {result.UserType,-9} {result.Reason,-19} {result.MatchedDomain}");
    }
    catch (ArgumentException e)
    {
        Console.WriteLine($"{address,-28} refused: {e.Message}");
        exitCode = 1;
    }
}

return args.Length > 0 ? exitCode : 0;
