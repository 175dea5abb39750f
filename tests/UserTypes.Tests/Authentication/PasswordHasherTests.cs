using Microsoft.Extensions.Options;

namespace UserTypes.Tests.Authentication;

public sealed class PasswordHasherTests
{
    private static PasswordHasher Hasher(int workFactor = 4)
    {
        var options = new UserTypesOptions();
        options.Password.WorkFactor = workFactor;
        return new PasswordHasher(new HashingGate(Options.Create(options)), Options.Create(options));
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

        hash.Should().StartWith("$nfkc$2").And.Contain("$05$");
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

    [TestCase("$nfkc")]
    [TestCase("$nfkcnot a hash")]
    [TestCase("$nfkc$2a$04$short")]
    public void Verify_AMalformedNormalisedHash_FailsWithoutThrowing(string hash)
    {
        Hasher().Verify("password", hash, out var malformed).Should().Be(PasswordVerification.Failed);
        malformed.Should().BeTrue();
    }

    // NIST SP 800-63B 5.1.1.2: the same password typed with composed or decomposed accents, fullwidth forms or
    // compatibility ligatures (as some keyboards and input methods send them) is the same password.
    [TestCase("caf\u00E9 au lait", "cafe\u0301 au lait")]
    [TestCase("\uFF50\uFF41\uFF53\uFF53 phrase", "pass phrase")]
    [TestCase("\uFB01ne print", "fine print")]
    [TestCase("\uD55C\uAE00 password", "\u1112\u1161\u11AB\u1100\u1173\u11AF password")]
    public void Verify_EquivalentSpellingsOfOnePassword_AreOnePassword(string typed, string typedElsewhere)
    {
        var hasher = Hasher();
        var hash = hasher.Hash(typed);

        hasher.Verify(typedElsewhere, hash, out _).Should().Be(PasswordVerification.Succeeded);
    }

    [Test]
    public void Verify_DifferentPasswords_StayDifferentAfterNormalisation()
    {
        var hasher = Hasher();
        var hash = hasher.Hash("caf\u00E9 au lait");

        hasher.Verify("cafe au lait", hash, out _).Should().Be(PasswordVerification.Failed, "normalisation composes, it does not strip accents");
    }

    [Test]
    public void Verify_AHashMadeBeforeNormalisation_IsCheckedAsMade_AndAsksForARehash()
    {
        var decomposed = "cafe\u0301 au lait";
        var legacy = BCrypt.Net.BCrypt.EnhancedHashPassword(decomposed, 4, BCrypt.Net.HashType.SHA384);
        var hasher = Hasher();

        hasher.Verify(decomposed, legacy, out _).Should().Be(PasswordVerification.SucceededRehashNeeded);
        hasher.Verify("caf\u00E9 au lait", legacy, out _).Should().Be(PasswordVerification.Failed, "the old hash knows only the spelling it was made from");
        hasher.Verify("caf\u00E9 au lait", hasher.Hash(decomposed), out _).Should().Be(PasswordVerification.Succeeded, "the rehash knows both");
    }

    [Test]
    public void Verify_APasswordWithALoneSurrogate_FailsAsAWrongPassword()
    {
        var hasher = Hasher();

        hasher.Verify("pass\uD800word", hasher.Hash("password"), out var malformed).Should().Be(PasswordVerification.Failed);
        malformed.Should().BeFalse("the hash is fine; the input is what no account can have");
    }

    [Test]
    public void Verify_AHashMadeBeforeNormalisation_OfAPasswordThatDoesNotNormalise_StillVerifies()
    {
        // U+FFFE is valid UTF-16 that string.Normalize refuses; version 1 hashed such a password as typed.
        const string nonCharacter = "correct horse\uFFFEbattery!";
        var legacy = BCrypt.Net.BCrypt.EnhancedHashPassword(nonCharacter, 4, BCrypt.Net.HashType.SHA384);
        var hasher = Hasher();

        PasswordHasher.Normalize(nonCharacter).Should().BeNull();
        hasher.Verify(nonCharacter, legacy, out _).Should().Be(PasswordVerification.SucceededRehashNeeded);
        hasher.Verify("correct horse battery!", legacy, out _).Should().Be(PasswordVerification.Failed);
    }
}
