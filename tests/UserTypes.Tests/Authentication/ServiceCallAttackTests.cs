namespace UserTypes.Tests.Authentication;

/// <summary>
/// Three attacks an independent review found against remembered Basic passwords and API keys, each mended: a guesser
/// let through a lockout by the cache, a call inheriting a verification of the account as it was before a change, and
/// a key outliving the password change meant to end an intruder's access. In memory: each is the library's own logic.
/// </summary>
public sealed class ServiceCallAttackTests
{
    private const string NewPassword = "a brand new passphrase 7";

    private static Task<AuthenticatedUser> AgentCallAsync(TestHost host, string workspace, string password, string userName = "agent") =>
        host.Authenticator.AuthenticateAsync(workspace, new PasswordCredentials(userName, password), ClientKind.ServiceAgent);

    private static async Task<AuthenticationFailureReason?> OutcomeAsync(Task<AuthenticatedUser> call)
    {
        try
        {
            await call;
            return null;
        }
        catch (AuthenticationFailedException e)
        {
            return e.Reason;
        }
    }

    /// <summary>
    /// The lockout bounds how many guesses an online attacker gets at an account. A remembered password is byte for byte
    /// what a guesser who found it sends, so the cache cannot tell the two apart: the reservation that locks an account
    /// signals the account changed, which forgets its remembered password on every instance.
    /// </summary>
    [Test]
    public async Task ALockedAccount_RefusesTheRightPassword_EvenWhenItIsRemembered_SoAGuesserGetsNoMoreThanTheLimit()
    {
        using var host = new TestHost(o => o.Lockout.MaxFailedAttempts = 3);
        var workspace = await host.CreateWorkspaceAsync();
        var agent = await host.Users.CreateInternalUserAsync(workspace, "agent", "agent@softr.io", TestHost.Password);

        // The legitimate agent calls once: its password is now remembered in this process.
        await AgentCallAsync(host, workspace, TestHost.Password);

        // A guesser, over the same Basic service scheme, sends far more guesses than the lockout allows.
        for (var guess = 0; guess < 30; guess++)
        {
            (await OutcomeAsync(AgentCallAsync(host, workspace, $"wrong guess number {guess}"))).Should().NotBeNull();
        }

        (await host.Users.FindByIdAsync(workspace, agent.Id))!.LockoutEnd.Should().NotBeNull("30 wrong guesses in a row lock the account");

        // Control: the right password checked anew is refused while locked, as docs/security.md 6.3.1 says.
        (await host.LoginOutcomeAsync(workspace, "agent", TestHost.Password)).Should().Be(AuthenticationFailureReason.LockedOut);

        // The guesser's 31st guess is the right one. Nothing distinguishes it from the agent's call, and it gets in.
        (await OutcomeAsync(AgentCallAsync(host, workspace, TestHost.Password))).Should().Be(
            AuthenticationFailureReason.LockedOut,
            "a locked account must not confirm a guess, remembered or not");
    }

    /// <summary>
    /// <see cref="VerifiedPasswordCache.VerifyOnceAsync"/> shares a verification in flight with calls of the same
    /// credentials. The first call read the account before it queued for the hashing gate, so a call that starts after
    /// the account was disabled must not inherit its success: a joiner takes a success only as remembered at a
    /// generation still current, and otherwise verifies for itself.
    /// </summary>
    [Test]
    public async Task ACallThatStartsAfterTheAccountIsDisabled_IsRefused_EvenIfAnIdenticalVerificationIsInFlight()
    {
        using var host = new TestHost(o => o.Password.HashingConcurrency = 1);
        var workspace = await host.CreateWorkspaceAsync();
        var agent = await host.Users.CreateInternalUserAsync(workspace, "agent", "agent@softr.io", TestHost.Password);

        // The gate's only slot is busy (another password being checked), so the first call reads the account and queues.
        var slot = await host.Get<HashingGate>().EnterAsync(CancellationToken.None);
        var leader = AgentCallAsync(host, workspace, TestHost.Password);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        leader.IsCompleted.Should().BeFalse("the first call waits for the hashing slot");

        // The administrator disables the account; the change is committed and heard before the next call starts.
        await host.Users.SetEnabledAsync(workspace, agent.Id, enabled: false);

        var joiner = AgentCallAsync(host, workspace, TestHost.Password);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        slot.Dispose();
        await Task.WhenAll(leader, joiner).ContinueWith(_ => { }, TaskScheduler.Default);

        (await OutcomeAsync(joiner)).Should().Be(
            AuthenticationFailureReason.AccountDisabled,
            "the call began after the account was disabled; it was answered with the outcome of a verification of the account as it was before");
    }

    /// <summary>
    /// Whoever held a password or a session for a moment (a phished password, a stolen cookie) could make a key; the
    /// owner changes the password, which ends every other session. A key is bound to the security stamp it was made
    /// under, so it ends with them.
    /// </summary>
    [Test]
    public async Task AKeyMadeBeforeAPasswordChange_IsRefusedAfterIt()
    {
        using var host = new TestHost();
        var workspace = await host.CreateWorkspaceAsync();
        await host.Users.CreateInternalUserAsync(workspace, "staff", "staff@softr.io", TestHost.Password);

        // The attacker, with the password for a moment, logs in and makes a key.
        var attacker = await host.Authenticator.AuthenticateAsync(workspace, new PasswordCredentials("staff", TestHost.Password), ClientKind.WebApplication);
        var key = await host.Get<IApiKeys>().CreateAsync(attacker, "backup job");

        // The owner notices and changes the password: every session ends.
        var owner = await host.Authenticator.AuthenticateAsync(workspace, new PasswordCredentials("staff", TestHost.Password), ClientKind.WebApplication);
        await host.Users.ChangePasswordAsync(owner, TestHost.Password, NewPassword);

        var afterChange = () => host.Authenticator.AuthenticateApiKeyAsync(workspace, key.Key).AsTask();
        await afterChange.Should().ThrowAsync<AuthenticationFailedException>(
            "a credential made under the old password must not survive the change of that password");
    }
}
