using Microsoft.Extensions.Options;

namespace UserTypes.Tests.Authentication;

public sealed class PasswordHasherTests
{
    private static PasswordHasher Hasher(int workFactor = 4)
    {
        var options = new UserTypesOptions();
        options.Password.WorkFactor = workFactor;
        return new PasswordHasher(Options.Create(options));
    }

    [Test]
    public void Verify_TheRightPassword_Succeeds_AndAWrongOneFails()
    {
        var hasher = Hasher();
        var hash = hasher.Hash("correct horse");

        hasher.Verify("correct horse", hash, out _).Should().Be(PasswordVerification.Succeeded);
        hasher.Verify("correct hors", hash, out var malformed).Should().Be(PasswordVerification.Failed);
        malformed.Should().BeFalse();
    }

    [Test]
    public void Verify_PasswordsEqualInTheirFirst72Bytes_AreStillTold()
    {
        // Plain bcrypt reads only 72 bytes: these two would verify against each other's hash.
        var prefix = new string('a', 100);
        var hasher = Hasher();
        var hash = hasher.Hash(prefix + "1");

        hasher.Verify(prefix + "2", hash, out _).Should().Be(PasswordVerification.Failed);
        BCrypt.Net.BCrypt.Verify(prefix + "2", BCrypt.Net.BCrypt.HashPassword(prefix + "1", 4)).Should().BeTrue("this is the flaw the enhanced mode avoids");
    }

    [Test]
    public void Hash_UsesTheConfiguredWorkFactor()
    {
        var hash = Hasher(workFactor: 5).Hash("password");

        hash.Should().StartWith("$2").And.Contain("$05$");
    }

    [Test]
    public void Verify_AHashOfALowerWorkFactor_AsksForARehash()
    {
        var hash = Hasher(workFactor: 4).Hash("password");

        Hasher(workFactor: 5).Verify("password", hash, out _).Should().Be(PasswordVerification.SucceededRehashNeeded);
    }

    [TestCase("")]
    [TestCase("not a hash")]
    [TestCase("$2a$04$short")]
    [TestCase("$2a$99$abcdefghijklmnopqrstuvabcdefghijklmnopqrstuvwxyz01234")]
    public void Verify_AMalformedHash_FailsWithoutThrowing(string hash)
    {
        var outcome = Hasher().Verify("password", hash, out var malformed);

        outcome.Should().Be(PasswordVerification.Failed);
        malformed.Should().BeTrue();
    }
}
