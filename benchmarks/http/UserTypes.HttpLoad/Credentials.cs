using System.Net.Http.Headers;
using System.Text;

namespace UserTypes.HttpLoad;

/// <summary>The Authorization headers the scenarios send. The demo admin is the one samples/UserTypes.Sample/Demo seeds.</summary>
internal static class Credentials
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "amber harbor 1";

    // Real names put the accounts' lockout under attack too; most names are made up, as in a credential-stuffing list.
    private static readonly string[] RealUserNames = [AdminUserName, "partner", "anonymous"];

    public static AuthenticationHeaderValue Admin { get; } = Basic(AdminUserName, AdminPassword);

    public static AuthenticationHeaderValue Bearer(string apiKey) => new("Bearer", apiKey);

    /// <summary>A wrong password for a real user name one time in four, else for a random one.</summary>
    public static AuthenticationHeaderValue Wrong()
    {
        var userName = Random.Shared.Next(4) == 0 ? RealUserNames[Random.Shared.Next(RealUserNames.Length)] : $"user-{Random.Shared.Next():x8}";
        return Basic(userName, $"wrong {Random.Shared.Next():x8}");
    }

    private static AuthenticationHeaderValue Basic(string userName, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}")));
}
