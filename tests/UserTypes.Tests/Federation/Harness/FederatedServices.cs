using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace UserTypes.Tests.Federation.Harness;

/// <summary>
/// UserTypes in memory with what a <c>TicketReceivedContext</c> needs from its request (logging, data protection), and
/// one workspace owned at softr.io that trusts one issuer: for tests that hand-build a ticket instead of running a flow.
/// </summary>
internal static class FederatedServices
{
    public static async Task<ServiceProvider> BuildAsync(
        string workspaceId, string issuer, string? boundDomain = null, bool externalUsersLicensed = false, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddUserTypes(options =>
        {
            options.ExternalUsers.Enabled = true;
            options.Password.WorkFactor = 4;
            options.Mail.Enabled = false;
        }).AddInMemoryStores();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        var workspaces = provider.GetRequiredService<IWorkspaceDirectory>();
        await workspaces.CreateAsync(workspaceId, "owner@softr.io");
        if (externalUsersLicensed)
        {
            await workspaces.SetLicenseAsync(workspaceId, new WorkspaceLicense { ExternalUsers = true });
        }

        await workspaces.AddTrustedIssuerAsync(workspaceId, issuer, IssuerKind.OpenIdConnect, allowProvisioning: true);
        if (boundDomain is not null)
        {
            await workspaces.BindIssuerDomainAsync(workspaceId, issuer, boundDomain);
        }

        return provider;
    }
}
