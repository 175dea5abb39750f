using System.Net;
using UserTypes.Sample.Demo;
using static UserTypes.Tests.Sample.SampleClient;

namespace UserTypes.Tests.Sample;

public sealed class SampleHostTests
{
    [Test]
    public async Task OutsideDevelopment_TheConfirmationTokenIsNotReturned()
    {
        await using var factory = new SampleFactory("Production");
        var response = await factory.CreateClient().SendAsync(Request(HttpMethod.Post, "/signup", new { email = "lee@acme.example", password = "lee passphrase 1" }));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await JsonOf(response)).GetProperty("emailConfirmationToken").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Test]
    public async Task StartingAgainOnTheSameFile_KeepsTheDataAndSeedsNothingTwice()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("usertypes-sample-").FullName;
        try
        {
            await using (var first = new SampleFactory(folder: folder))
            {
                await first.CreateClient().SendAsync(AsAdmin(HttpMethod.Delete, "/contacts/3"));
                await first.CreateClient().SendAsync(Request(HttpMethod.Post, "/signup", new { email = "lee@acme.example", password = "lee passphrase 1" }));
            }

            await using var second = new SampleFactory(folder: folder);
            var client = second.CreateClient();
            var contacts = await JsonOf(await client.SendAsync(AsAdmin(HttpMethod.Get, "/contacts")));
            var seats = await JsonOf(await client.SendAsync(AsAdmin(HttpMethod.Get, "/seats")));

            contacts.GetArrayLength().Should().Be(DemoWorkspace.Contacts.Count - 1, "the deleted contact stays deleted");
            seats.GetProperty("internalUsers").GetInt32().Should().Be(2, "the admin and the signed-up user, once each");
            seats.GetProperty("externalUsers").GetInt32().Should().Be(1);
        }
        finally
        {
            SampleFactory.DeleteFolder(folder);
        }
    }
}
