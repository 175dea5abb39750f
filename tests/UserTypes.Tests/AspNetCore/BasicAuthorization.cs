using System.Net.Http.Headers;
using System.Text;

namespace UserTypes.Tests.AspNetCore;

/// <summary>The <c>Authorization: Basic</c> header a service agent sends.</summary>
internal static class BasicAuthorization
{
    public static AuthenticationHeaderValue For(string user, string? password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
