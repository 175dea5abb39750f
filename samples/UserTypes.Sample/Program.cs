// The UserTypes sample host: dotnet run --project samples/UserTypes.Sample
// A minimal API on the SQLite store (a file in the working folder, created and seeded on first run) that answers
// anonymous, external and internal callers differently. Start it and follow the curl lines it prints.
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using UserTypes.Sample.Accounts;
using UserTypes.Sample.Contacts;
using UserTypes.Sample.Demo;
using UserTypes.Sample.Hosting;

var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("UserTypes") ?? "Data Source=usertypes-sample.db";

builder.Services.AddUserTypes(options =>
{
    options.ExternalUsers.Enabled = true;
    options.AnonymousUsers.AllowImplicit = true;
}).AddSqliteStores(connectionString);
builder.Services.AddSingleton(new SampleDatabase(connectionString));
builder.Services.AddSingleton<ContactStore>();
builder.Services.AddSampleAuthentication();
builder.Services.AddAuthorizationBuilder().AddSamplePolicies();
builder.Services.AddUserTypesProblemDetails();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

var app = builder.Build();
app.UseExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();

app.MapGroup("/workspaces/{workspaceId}").MapAccounts().MapContacts();

await DemoSeeder.SeedAsync(app.Services, app.Lifetime.ApplicationStopping);
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app.Services.GetRequiredService<IServer>(), connectionString, Console.Out));
await app.RunAsync();
