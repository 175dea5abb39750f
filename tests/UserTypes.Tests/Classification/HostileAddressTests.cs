namespace UserTypes.Tests.Classification;

/// <summary>
/// Addresses an attacker would try in order to be classified internal in a workspace owned by xyz.com. None may
/// ever come out internal: each is either external or refused.
/// </summary>
public sealed class HostileAddressTests
{
    private static readonly string[] Hostile =
    [
        "a@evil-xyz.com",
        "a@xyz.com.evil.com",
        "a@xyz.comevil.com",
        "a@notxyz.com",
        "a@sub.xyz.com",
        "a@xyz.co",
        "a@xуz.com",          // Cyrillic у
        "a@хyz.com",          // Cyrillic х
        "a@xyζ.com",          // Greek ζ
        "a@xyz\u200B.com",    // zero-width space
        "a@x\u00ADyz.com",    // soft hyphen
        "a@ｘｙｚ.com",        // fullwidth
        "a@xyz。com",          // ideographic full stop
        "a@xyz.com.",
        "a@.xyz.com",
        "Attacker <a@xyz.com>",
        "a@evil.com <a@xyz.com>",
        "a@evil.com (a@xyz.com)",
        "\"a@xyz.com\"@evil.com",
        "a@xyz.com@evil.com",
        "a@evil.com@xyz.com",
        "a@xyz.com\u0000@evil.com",
        "a@xyz.com\u0000",
        "a@evil.com\u0000xyz.com",
        " a@xyz.com",
        "a@xyz.com\r\n",
        "a@[xyz.com]",
        "a@xyz\\.com",
        "a@xyz.com\u202E",    // right-to-left override
        "a@xyz\u200E.com",    // left-to-right mark
        "a@xyz\u2066.com",    // left-to-right isolate
        "a@xyz\uFF0Ecom",     // fullwidth full stop
        "a@xyz\uFF61com",     // halfwidth ideographic full stop
        "a@\u0301xyz.com",    // combining mark with nothing to combine with
        "a@xyz.\u0301com",
    ];

    private TestHost _host = null!;
    private string _workspace = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _host = new TestHost();
        _workspace = await _host.CreateWorkspaceAsync("owner@xyz.com");
        await _host.Workspaces.AddSignupDomainAsync(_workspace, "xyz-signup.com");
    }

    [OneTimeTearDown]
    public void TearDown() => _host?.Dispose();

    [TestCaseSource(nameof(Hostile))]
    [SetCulture("tr-TR")]
    public async Task Classify_HostileAddress_IsNeverInternal(string email)
    {
        UserType? type = null;
        try
        {
            type = (await _host.Classifier.ClassifyAsync(_workspace, email)).UserType;
        }
        catch (ArgumentException e) when (e.ParamName == "email")
        {
            // Refused: as good as external.
        }

        type.Should().NotBe(UserType.Internal);
    }

    [Test]
    public async Task Classify_OneMegabyteAddress_IsRefusedWithoutReadingIt()
    {
        var huge = new string('a', 1 << 20) + "@xyz.com";

        var act = async () => await _host.Classifier.ClassifyAsync(_workspace, huge);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("at most 254");
    }

    [Test]
    public async Task Classify_LoneSurrogate_IsRefused()
    {
        var act = async () => await _host.Classifier.ClassifyAsync(_workspace, "a\uD800@xyz.com");

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("email");
    }

    [TestCase("A@XYZ.COM")]
    [TestCase("i@XYZ.COM")]
    [TestCase("I@xyz.com")]
    [SetCulture("tr-TR")]
    public async Task Classify_UpperCaseUnderTurkishCulture_StillMatches(string email)
    {
        var result = await _host.Classifier.ClassifyAsync(_workspace, email);

        result.UserType.Should().Be(UserType.Internal);
    }

    [Test]
    [SetCulture("tr-TR")]
    public async Task Classify_DotlessIUnderTurkishCulture_NeverMatchesI()
    {
        using var host = new TestHost();
        var workspace = await host.CreateWorkspaceAsync("owner@bits.io");

        var type = await TryClassify(host, workspace, "a@b\u0131ts.io");   // ı (dotless i)

        type.Should().NotBe(UserType.Internal);
    }

    private static async Task<UserType?> TryClassify(TestHost host, string workspace, string email)
    {
        try
        {
            return (await host.Classifier.ClassifyAsync(workspace, email)).UserType;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
