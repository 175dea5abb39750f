namespace UserTypes.Tests.Email;

public sealed class DomainNameTests
{
    [TestCase("bücher.de")]
    [TestCase("BÜCHER.de")]
    [TestCase("xn--bcher-kva.de")]
    [TestCase("XN--BCHER-KVA.de")]
    public void Canonicalize_SpellingsOfOneDomain_AreEqual(string spelling)
    {
        DomainName.Canonicalize(spelling, "domain").Should().Be("xn--bcher-kva.de");
    }

    [TestCase("xyz\u200B.com", Description = "zero-width space")]
    [TestCase("xy\u200Dz.com", Description = "zero-width joiner")]
    [TestCase("xy\u00ADz.com", Description = "soft hyphen")]
    [TestCase("ｘｙｚ.com", Description = "fullwidth letters")]
    [TestCase("xyz。com", Description = "ideographic full stop")]
    [TestCase("xyz\uFF0Ecom", Description = "fullwidth full stop")]
    [TestCase("ⓧyz.com", Description = "circled letter")]
    [TestCase("xyz.ｃｏｍ", Description = "fullwidth top-level domain")]
    [TestCase("softr.\u0130o", Description = "capital I with dot above")]
    public void Canonicalize_CharactersIdnaDropsOrFolds_AreRefused(string lookalike)
    {
        var act = () => DomainName.Canonicalize(lookalike, "domain");

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("domain");
    }

    [TestCase("xуz.com", Description = "Cyrillic u")]
    [TestCase("хyz.com", Description = "Cyrillic ha")]
    [TestCase("xyζ.com", Description = "Greek zeta")]
    [TestCase("χyz.com", Description = "Greek chi")]
    public void Canonicalize_CyrillicAndGreekLookalikes_StayDifferentDomains(string lookalike)
    {
        var canonical = DomainName.Canonicalize(lookalike, "domain");

        canonical.Should().NotBe("xyz.com").And.StartWith("xn--");
    }

    [Test]
    public void Canonicalize_PunycodeThatDoesNotRoundTrip_IsRefused()
    {
        // "xn--" followed by an ASCII-only label is not valid punycode output: ToAscii would never produce it.
        var act = () => DomainName.Canonicalize("xn--xyz-.com", "domain");

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public void Canonicalize_DomainOf254Characters_IsRefused()
    {
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 62), 4)) + ".com"; // 255 characters

        var act = () => DomainName.Canonicalize(domain, "domain");

        act.Should().Throw<ArgumentException>().WithMessage("*at most 253*");
    }

    [Test]
    public void Canonicalize_InternationalDomainWhosePunycodeIsTooLong_IsRefused()
    {
        // 60 characters of Unicode become a label of more than 63 in punycode.
        var act = () => DomainName.Canonicalize(new string('ü', 60) + ".de", "domain");

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    [SetCulture("tr-TR")]
    public void Canonicalize_UnderTurkishCulture_UsesInvariantCase()
    {
        DomainName.Canonicalize("SOFTR.IO", "domain").Should().Be("softr.io");
        DomainName.Canonicalize("ISTANBUL.example", "domain").Should().Be("istanbul.example");
    }
}
