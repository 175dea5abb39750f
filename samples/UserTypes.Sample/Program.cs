// The UserTypes sample host: dotnet run --project samples/UserTypes.Sample
// A minimal API on the SQLite store (a file in the working folder, created and seeded on first run) that answers
// anonymous, external and internal callers differently. Start it and follow the curl lines it prints.
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Data.Sqlite;
using UserTypes;
using UserTypes.Sample.Accounts;
using UserTypes.Sample.Administration;
using UserTypes.Sample.ApiKeys;
using UserTypes.Sample.Audit;
using UserTypes.Sample.Contacts;
using UserTypes.Sample.Demo;
using UserTypes.Sample.DemoProvider;
using UserTypes.Sample.Federation;
using UserTypes.Sample.Hosting;
using UserTypes.Sample.Invitations;
using UserTypes.Sample.Mail;

// Settings (appsettings.json) are read from beside the binaries, wherever the sample is started: the working folder
// holds its data only. Environment variables and the command line override them, as usual.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var connectionString = builder.Configuration.GetConnectionString("UserTypes") ?? "Data Source=usertypes-sample.db";

// Mail goes to an outbox folder beside the data file, one .eml file a mail: open them as a person reads mail.
var outbox = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource))!, "outbox");

builder.Services.AddUserTypes(options =>
{
    options.ExternalUsers.Enabled = true;
    options.AnonymousUsers.AllowImplicit = true;

    // Someone who mistypes is kept out for seconds, not minutes: the fifth failure in a row locks for 2 seconds, each
    // further one for twice as long, up to the 15-minute lock. The rate limiter below stops one client locking many.
    options.Lockout.BackOff = TimeSpan.FromSeconds(2);

    // The audit trail keeps a year; UserTypes.AspNetCore purges older entries every hour.
    options.Audit.Retention = TimeSpan.FromDays(365);
}).AddSqliteStores(connectionString);
builder.Services.AddSingleton<IAccountMailer>(services => new OutboxMailer(outbox, services.GetRequiredService<TimeProvider>()));
builder.Services.AddSingleton(new SampleDatabase(connectionString));
builder.Services.AddSingleton<ContactStore>();
builder.Services.AddSampleAuthentication(servedOverHttps: ServedOverHttps(builder.Configuration));
builder.Services.AddSampleRateLimiting(
    builder.Configuration.GetValue("Sample:CredentialRequestsPerMinute", 10),
    builder.Configuration.GetValue("Sample:ServiceCallsPerMinute", 60),
    builder.Configuration.GetValue("Sample:ApiKeyCallsPerMinute", 6000));
builder.Services.AddAuthorizationBuilder().AddSamplePolicies();

// Federated sign-in with the providers of Federation:Providers, and in development an offline provider of its own.
var demoIdentityProvider = builder.Configuration.GetValue(DemoIdentityProvider.Setting, builder.Environment.IsDevelopment());
if (demoIdentityProvider && !builder.Environment.IsDevelopment())
{
    // It signs in whoever is typed: a stand-in for a developer's machine, never for a deployed host.
    throw new InvalidOperationException($"The demo identity provider runs in the Development environment only; turn it off ({DemoIdentityProvider.Setting}=false) in {builder.Environment.EnvironmentName}.");
}

var signInProviders = SignInProviders.Read(builder.Configuration, demoIdentityProvider);
builder.Services.AddSampleFederation(signInProviders);
if (demoIdentityProvider)
{
    builder.Services.AddDemoIdentityProvider();
}

builder.Services.AddUserTypesProblemDetails();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

await using var app = builder.Build();
app.UseExceptionHandler();
if (demoIdentityProvider)
{
    app.UseDemoIdentityProviderGuard(); // before anything else answers its paths
}

app.UseRateLimiter(); // before authentication, which verifies a Basic password on every request
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery(); // the federation pages' forms

app.MapGroup("/workspaces/{workspaceId}").MapAccounts().MapContacts().MapInvitations().MapAdministration().MapAudit().MapApiKeys();
app.MapFederation();
if (demoIdentityProvider)
{
    app.MapDemoIdentityProvider();
}

await DemoSeeder.SeedAsync(app.Services, app.Lifetime.ApplicationStopping);
await app.StartAsync();

// The demo provider's issuer names the port, which is known now; the banner waits for it, so its link works at once.
await DemoSeeder.TrustSignInProvidersAsync(app.Services, signInProviders, demoIdentityProvider, app.Lifetime.ApplicationStopping);

StartupBanner.Print(app.Services.GetRequiredService<IServer>(), connectionString, outbox, signInProviders, Console.Out);
await app.WaitForShutdownAsync();

// HTTPS addresses come from --urls / ASPNETCORE_URLS or --https_ports / ASPNETCORE_HTTPS_PORTS; a host that ends TLS
// at a proxy, or configures Kestrel endpoints in code, decides this itself.
static bool ServedOverHttps(IConfiguration configuration) =>
    !string.IsNullOrWhiteSpace(configuration["https_ports"])
    || (configuration["urls"] ?? "").Split(';', StringSplitOptions.TrimEntries).Any(url => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
