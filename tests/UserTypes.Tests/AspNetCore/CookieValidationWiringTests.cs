using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UserTypes.Tests.AspNetCore;

/// <summary>
/// <c>UseUserTypesValidation()</c> can only be switched off loudly: events the cookie handler would call instead of its
/// delegates are refused on the spot, and events replaced afterwards fail the scheme when its options are first read.
/// </summary>
public sealed class CookieValidationWiringTests
{
    [Test]
    public void EventsThatOverrideValidatePrincipal_AreRefused_ForTheyWouldNeverCallTheCheck()
    {
        var options = new CookieAuthenticationOptions { Events = new HostCookieEvents() };

        var use = () => options.UseUserTypesValidation();

        use.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*overrides ValidatePrincipal or SigningOut*");
    }

    [Test]
    public void EventsType_IsRefused_ForTheHandlerThenTakesItsEventsFromTheContainer()
    {
        var options = new CookieAuthenticationOptions { EventsType = typeof(HostCookieEvents) };

        var use = () => options.UseUserTypesValidation();

        use.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*EventsType*");
    }

    [TestCase("events replaced")]
    [TestCase("EventsType set")]
    public async Task AChangeAfterTheCall_FailsTheScheme_InsteadOfServingUncheckedCookies(string change)
    {
        await using var app = await StartAsync(o =>
        {
            o.UseUserTypesValidation();
            if (change == "events replaced")
            {
                o.Events = new CookieAuthenticationEvents();
            }
            else
            {
                o.EventsType = typeof(HostCookieEvents);
            }
        });

        var read = () => app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);

        read.Should().Throw<InvalidOperationException>().WithMessage("*called UseUserTypesValidation*");
    }

    [Test]
    public async Task EventsSetFirst_ThenTheCall_PassTheCheck()
    {
        await using var app = await StartAsync(o =>
        {
            o.Events = new CookieAuthenticationEvents { OnSigningIn = _ => Task.CompletedTask };
            o.UseUserTypesValidation();
        });

        var read = () => app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);

        read.Should().NotThrow();
    }

    private static async Task<WebApplication> StartAsync(Action<CookieAuthenticationOptions> cookie)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddUserTypes(o => o.Mail.Enabled = false).AddInMemoryStores();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie).AddUserTypesScheme();
        var app = builder.Build();
        await app.StartAsync();
        return app;
    }

    private sealed class HostCookieEvents : CookieAuthenticationEvents
    {
        // A host's own check as ASP.NET Core documents it, which never calls the OnValidatePrincipal delegate.
        public override Task ValidatePrincipal(CookieValidatePrincipalContext context) => Task.CompletedTask;
    }
}
