using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using UserTypes.Sample.Demo;
using UserTypes.Tests.AspNetCore;

namespace UserTypes.Tests.Sample;

/// <summary>Requests to the sample's demo workspace, as the curl lines it prints make them.</summary>
internal static class SampleClient
{
    public const string WorkspacePath = "/workspaces/" + DemoWorkspace.Id;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static HttpRequestMessage Request(HttpMethod method, string path, object? body = null, string? user = null, string? password = null)
    {
        var request = new HttpRequestMessage(method, WorkspacePath + path);
        if (user is not null)
        {
            request.Headers.Authorization = BasicAuthorization.For(user, password);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        return request;
    }

    public static HttpRequestMessage AsPartner(HttpMethod method, string path, object? body = null) =>
        Request(method, path, body, DemoWorkspace.PartnerUserName, DemoWorkspace.PartnerPassword);

    public static HttpRequestMessage AsAdmin(HttpMethod method, string path, object? body = null) =>
        Request(method, path, body, DemoWorkspace.AdminUserName, DemoWorkspace.AdminPassword);

    /// <summary>A request carrying a session cookie (<c>name=value</c>), as a browser sends it.</summary>
    public static HttpRequestMessage WithCookie(string cookie, HttpMethod method, string path, object? body = null)
    {
        var request = Request(method, path, body);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    /// <summary>The sample's session cookie a response sets (<c>name=value</c>), or <see langword="null"/> when it sets none.</summary>
    public static string? CookieOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(value => value.Split(';')[0]).FirstOrDefault(pair => pair.StartsWith("usertypes-sample=", StringComparison.Ordinal))
            : null;

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json);
}
