using UserTypes.AspNetCore;

namespace UserTypes.Tests.AspNetCore;

public sealed class AuthenticationOptionsTests
{
    [Test]
    public void TheDefaults_AreValid()
    {
        var validate = () => new UserTypesAuthenticationOptions().Validate();

        validate.Should().NotThrow();
    }

    [TestCase("UserTypes\"")]
    [TestCase("a\\b")]
    [TestCase("line\r\nSet-Cookie: x=1")]
    [TestCase("réalm")]
    [TestCase("")]
    public void ARealmThatCouldBreakTheChallengeHeader_IsRefused(string realm)
    {
        var validate = () => new UserTypesAuthenticationOptions { Realm = realm }.Validate();

        validate.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(nameof(UserTypesAuthenticationOptions.Realm));
    }
}
