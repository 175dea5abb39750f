namespace UserTypes.Tests.Email;

public sealed class PlainAddressTests
{
    [TestCase("james@company7.example", "company7.example")]
    [TestCase("Applicant@Elsewhere.EXAMPLE", "elsewhere.example")]
    [TestCase("a.b+c@x-y.z.com", "x-y.z.com")]
    [TestCase("o'brien@a1.io", "a1.io")]
    public void TryLowerDomain_PlainAsciiAddress_TakesTheFastPath(string email, string domain)
    {
        Span<char> buffer = stackalloc char[DomainName.MaxLength];

        var accepted = PlainAddress.TryLowerDomain(email, buffer, out var written);

        accepted.Should().BeTrue();
        buffer[..written].ToString().Should().Be(domain);
    }

    [TestCase("a@xn--bcher-kva.de", Description = "IDNA label: the full parser decides")]
    [TestCase("a@bücher.de", Description = "non-ASCII")]
    [TestCase("a@x.com.", Description = "trailing dot")]
    [TestCase(".a@x.com", Description = "leading dot")]
    [TestCase("a..b@x.com", Description = "double dot")]
    [TestCase("a@10.0.0.1", Description = "all-digit top-level domain")]
    [TestCase("a@localhost", Description = "single label")]
    [TestCase("a@x_y.com", Description = "underscore")]
    public void TryLowerDomain_AnythingElse_GivesUp(string email)
    {
        Span<char> buffer = stackalloc char[DomainName.MaxLength];

        PlainAddress.TryLowerDomain(email, buffer, out _).Should().BeFalse();
    }
}
