namespace UserTypes.Tests.Email;

public sealed class PlainAddressTests
{
    [TestCase("james@company7.example", "company7.example")]
    [TestCase("Applicant@Elsewhere.EXAMPLE", "elsewhere.example")]
    [TestCase("a.b+c@x-y.z.com", "x-y.z.com")]
    [TestCase("o'brien@a1.io", "a1.io")]
    [TestCase("first_last@123.example", "123.example")]
    [TestCase("a@b.io", "b.io", Description = "shorter than one vector")]
    [TestCase("ab@cd.io", "cd.io", Description = "exactly one vector")]
    [TestCase("abc@cd.io", "cd.io", Description = "the last step overlaps the first")]
    public void TryLowerDomain_PlainAsciiAddress_TakesTheFastPath(string email, string domain)
    {
        Span<char> buffer = stackalloc char[PlainAddress.BufferLength];

        var accepted = PlainAddress.TryLowerDomain(email, buffer, out var lowered);

        accepted.Should().BeTrue();
        lowered.ToString().Should().Be(domain);
    }

    [Test]
    public void TryLowerDomain_LongestAddress_TakesTheFastPath()
    {
        var email = new string('a', PlainAddress.MaxLength - "@EXAMPLE.COM".Length) + "@EXAMPLE.COM";
        Span<char> buffer = stackalloc char[PlainAddress.BufferLength];

        PlainAddress.TryLowerDomain(email, buffer, out var lowered).Should().BeTrue();
        lowered.ToString().Should().Be("example.com");
    }

    [TestCase("a@xn--bcher-kva.de", Description = "IDNA label: the full parser decides")]
    [TestCase("a@ab--c.de", Description = "hyphens third and fourth")]
    [TestCase("a@bücher.de", Description = "non-ASCII")]
    [TestCase("a＠x.com", Description = "fullwidth at sign")]
    [TestCase("a@x.com.", Description = "trailing dot")]
    [TestCase(".a@x.com", Description = "leading dot")]
    [TestCase("a.@x.com", Description = "dot before the at sign")]
    [TestCase("a..b@x.com", Description = "double dot in the local part")]
    [TestCase("a@x..com", Description = "empty label")]
    [TestCase("a@.x.com", Description = "empty first label")]
    [TestCase("a@-x.com", Description = "label starting with a hyphen")]
    [TestCase("a@x-.com", Description = "label ending with a hyphen")]
    [TestCase("a@10.0.0.1", Description = "all-digit top-level domain")]
    [TestCase("a@B.C0", Description = "a top-level label with a digit: the full parser refuses it")]
    [TestCase("a@x.a-b", Description = "a hyphen in the top-level label")]
    [TestCase("a@localhost", Description = "single label")]
    [TestCase("a@x_y.com", Description = "underscore in the domain")]
    [TestCase("a!b@x.com", Description = "rare atext: the full parser decides")]
    [TestCase("@x.com", Description = "empty local part")]
    [TestCase("a@", Description = "empty domain")]
    [TestCase("a@@x.com", Description = "two at signs together")]
    [TestCase("a@x@y.com", Description = "two at signs apart")]
    [TestCase("ax.com", Description = "no at sign")]
    [TestCase("a b@x.com", Description = "space")]
    [TestCase("a@x.com\0", Description = "NUL")]
    [TestCase("Alice <a@x.com>", Description = "display name")]
    [TestCase("", Description = "empty")]
    public void TryLowerDomain_AnythingElse_GivesUp(string email)
    {
        Span<char> buffer = stackalloc char[PlainAddress.BufferLength];

        PlainAddress.TryLowerDomain(email, buffer, out _).Should().BeFalse();
    }

    [Test]
    public void TryLowerDomain_LongerThanItsMasks_GivesUp()
    {
        var email = new string('a', PlainAddress.MaxLength + 1 - "@example.com".Length) + "@example.com";
        Span<char> buffer = stackalloc char[PlainAddress.BufferLength];

        PlainAddress.TryLowerDomain(email, buffer, out _).Should().BeFalse();
    }
}
