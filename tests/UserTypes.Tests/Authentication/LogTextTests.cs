namespace UserTypes.Tests.Authentication;

/// <summary>A caller's input made safe for one log line: nothing can break, disguise or forge the line.</summary>
public sealed class LogTextTests
{
    [TestCase("alice", "alice")]
    [TestCase("line\nbreak", @"line\u000Abreak")]
    [TestCase("cr\rlf\r\n", @"cr\u000Dlf\u000D\u000A")]
    [TestCase("tab\there", @"tab\u0009here")]
    [TestCase("next\u0085line\u2028sep\u2029para", @"next\u0085line\u2028sep\u2029para")]
    [TestCase("bidi\u202Eevil\u200B", @"bidi\u202Eevil\u200B")]
    [TestCase(@"already\u000Aescaped", @"already\\u000Aescaped")]
    [TestCase("private\uE000use", @"private\uE000use")]
    [TestCase("emoji 😀 and café", "emoji 😀 and café")]
    [TestCase("tag\U000E0041\U000E0042smuggled", @"tag\uDB40\uDC41\uDB40\uDC42smuggled")]
    [TestCase("plane 16 \U00100000 private", @"plane 16 \uDBC0\uDC00 private")]
    public void Of_EscapesWhatCouldBreakOrDisguiseALine(string typed, string logged) =>
        LogText.Of(typed).Should().Be(logged);

    [Test]
    public void Of_CutsLongInput_SayingHowMuchWasLeftOut() =>
        LogText.Of(new string('a', 100_000)).Should().Be(new string('a', LogText.MaxLength) + $"… ({100_000 - LogText.MaxLength} more characters)");

    [Test]
    public void Of_NeverCutsASurrogatePairInHalf()
    {
        var typed = new string('a', LogText.MaxLength - 1) + "😀 and more";

        LogText.Of(typed).Should().StartWith(new string('a', LogText.MaxLength - 1) + "… (");
    }

    [Test]
    public void Of_EscapesALoneSurrogate()
    {
        // Built here: attribute arguments cannot carry a lone surrogate through metadata.
        var typed = "lone" + (char)0xD800 + "surrogate" + (char)0xDC00;

        LogText.Of(typed).Should().Be(@"lone\uD800surrogate\uDC00");
    }

    [Test]
    public void Of_Null_IsNull() => LogText.Of(null).Should().BeNull();
}
