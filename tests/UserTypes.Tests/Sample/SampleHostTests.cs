using System.Net;
using UserTypes.Sample.Demo;
using static UserTypes.Tests.Sample.SampleClient;

namespace UserTypes.Tests.Sample;

public sealed class SampleHostTests
{
    [Test]
    public async Task InProduction_TheTokenTravelsOnlyByMail()
    {
        await using var factory = new SampleFactory("Production");
        var response = await factory.CreateClient().SendAsync(Request(HttpMethod.Post, "/signup", new { email = "lee@acme.example" }));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
        Outbox.TokenFor(factory.Folder, "lee@acme.example", "SignUp").Should().NotBeNullOrEmpty();
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
                var firstClient = first.CreateClient();
                await firstClient.SendAsync(Request(HttpMethod.Post, "/signup", new { email = "lee@acme.example" }));
                await firstClient.SendAsync(Request(HttpMethod.Post, "/signup/complete", new { email = "lee@acme.example", token = Outbox.TokenFor(folder, "lee@acme.example", "SignUp"), password = "lemon tree 1" }));
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
