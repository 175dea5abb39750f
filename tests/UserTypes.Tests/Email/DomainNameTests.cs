using System.Globalization;
using System.Text;
using CsCheck;

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

    // UTS #46 section 5 drops the default-ignorable characters and maps fullwidth, circled and compatibility forms
    // and the full stops U+3002, U+FF0E and U+FF61 to their plain counterparts: given in a domain, each is refused
    // rather than allowed to make a lookalike equal to the plain ASCII domain.
    [TestCase("xyz\u200B.com", "invisible formatting", Description = "zero-width space")]
    [TestCase("xy\u200Dz.com", "invisible formatting", Description = "zero-width joiner")]
    [TestCase("xy\u00ADz.com", "invisible formatting", Description = "soft hyphen")]
    [TestCase("ｘｙｚ.com", "drops or maps", Description = "fullwidth letters")]
    [TestCase("ＸＹＺ.com", "drops or maps", Description = "fullwidth capitals")]
    [TestCase("x\uFF59z.com", "drops or maps", Description = "one fullwidth letter")]
    [TestCase("xyz\uFF0D1.com", "drops or maps", Description = "fullwidth hyphen-minus")]
    [TestCase("xyz。com", "drops or maps", Description = "ideographic full stop")]
    [TestCase("xyz\uFF0Ecom", "drops or maps", Description = "fullwidth full stop")]
    [TestCase("xyz\uFF61com", "drops or maps", Description = "halfwidth ideographic full stop")]
    [TestCase("ⓧyz.com", "drops or maps", Description = "circled letter")]
    [TestCase("xyz.ｃｏｍ", "drops or maps", Description = "fullwidth top-level domain")]
    [TestCase("ｘｙｚ。ｃｏｍ", "drops or maps", Description = "fullwidth throughout")]
    [TestCase("softr.\u0130o", "drops or maps", Description = "capital I with dot above")]
    public void Canonicalize_CharactersIdnaDropsOrFolds_AreRefused(string lookalike, string problem)
    {
        var act = () => DomainName.Canonicalize(lookalike, "domain");

        act.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "domain")
            .WithMessage($"'domain' is not a valid domain: *{problem}*");
    }

    // Each row's source is in ForbiddenCharacters: RFC 5892 and UTS #46 section 5 for the categories, RFC 5891 5.4.
    [TestCaseSource(typeof(ForbiddenCharacters), nameof(ForbiddenCharacters.AnywhereCases))]
    public void Canonicalize_CharacterOfAForbiddenCategory_IsRefusedWhereverItStands(int codePoint, string problem)
    {
        var c = ForbiddenCharacters.Text(codePoint);
        foreach (var domain in new[] { c + "example.com", "exa" + c + "mple.com", "example." + c + "com", "example.com" + c })
        {
            var act = () => DomainName.Canonicalize(domain, "domain");

            act.Should().Throw<ArgumentException>(because: $"U+{codePoint:X4} stands in '{domain}'")
                .Where(e => e.ParamName == "domain")
                .WithMessage($"'domain' is not a valid domain: *{problem}*");
        }
    }

    // UTS #46 section 4.1, validity criterion 6, and RFC 5891 4.2.3.2: a label must not begin with a combining mark
    // (General_Category Mark: Mn, Mc or Me), at the start of the domain or right after a dot.
    [TestCase("\u0301bc.example", Description = "acute accent (Mn) first")]
    [TestCase("a.\u0301b.example", Description = "after a dot")]
    [TestCase("A.\u0308B.EXAMPLE", Description = "diaeresis after a dot, capitals")]
    [TestCase("example.\u0301com", Description = "top-level label")]
    [TestCase("\u0903ab.example", Description = "Devanagari visarga (Mc)")]
    [TestCase("\u20DDab.example", Description = "enclosing circle (Me)")]
    [TestCase("\U0001D165ab.example", Description = "musical combining stem (Mc, beyond the BMP)")]
    [TestCase("\u0301\u0301b.example", Description = "two marks")]
    [TestCase("b\u00FCcher.\u0301de", Description = "after an international label")]
    public void Canonicalize_CombiningMarkThatStartsALabel_IsRefused(string domain)
    {
        var act = () => DomainName.Canonicalize(domain, "domain");

        act.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "domain")
            .WithMessage("'domain' is not a valid domain: *must not start with a combining mark*");
    }

    [TestCase("a\u0301b.example", "\u00E1b.example")]
    [TestCase("\u05D0\u05B7.example", "\u05D0\u05B7.example")] // Hebrew patah: no composed form in NFC
    public void Canonicalize_CombiningMarkAfterABaseCharacter_StaysInItsLabel(string domain, string sameDomain)
    {
        var canonical = DomainName.Canonicalize(domain, "domain");

        canonical.Should().StartWith("xn--").And.Be(DomainName.Canonicalize(sameDomain, "domain"));
    }

    // UTS #46 section 4 (Processing, step 2) and IdnMapping both put the domain in NFC before converting it, so
    // canonically equivalent spellings (UAX #15) are one domain: decomposed, composed, marks in either order,
    // conjoining Hangul jamo, and the singleton U+212B ANGSTROM SIGN, whose NFC is U+00C5.
    [TestCase("e\u0301xample.fr", "\u00E9xample.fr")]
    [TestCase("bu\u0308cher.de", "b\u00FCcher.de")]
    [TestCase("BU\u0308CHER.DE", "b\u00FCcher.de")]
    [TestCase("e\u0302\u0323.vn", "\u1EC7.vn")]
    [TestCase("e\u0323\u0302.vn", "\u1EC7.vn")]
    [TestCase("\u1100\u1161.kr", "\uAC00.kr")]
    [TestCase("\u212Bngstr\u00F6m.example", "\u00C5ngstr\u00F6m.example")]
    [TestCase("A\u030Angstro\u0308m.example", "\u00E5ngstr\u00F6m.example")]
    public void Canonicalize_DecomposedSpelling_IsTheSameDomainAsTheComposed(string decomposed, string composed)
    {
        var canonical = DomainName.Canonicalize(composed, "domain");

        canonical.Should().StartWith("xn--");
        DomainName.Canonicalize(decomposed, "domain").Should().Be(canonical);
    }

    [Test]
    public void Canonicalize_ComposedAndDecomposedSpellings_AreOneDomainOrBothRefused()
    {
        // Random labels of precomposed letters, base letters and marks, dots included (so that some labels start
        // with a mark): the NFC and NFD spellings must never become two accepted domains, nor one be accepted alone.
        Gen.String[Gen.Char["abeoAEO\u00E4\u00E9\u00F6\u00FC\u00E5\u00C5\u00E7\u00F1\u1EC7\uAC00\u1100\u1161\u11A8\u0301\u0308\u0323\u0302\u030A\u0327."], 1, 16].Sample(
            label =>
            {
                var domain = label + ".example";
                var composed = DomainName.TryCanonicalize(domain.Normalize(NormalizationForm.FormC), out var fromComposed);
                var decomposed = DomainName.TryCanonicalize(domain.Normalize(NormalizationForm.FormD), out var fromDecomposed);

                (decomposed is null).Should().Be(composed is null, because: $"'{domain}' composed: {composed ?? "accepted"}; decomposed: {decomposed ?? "accepted"}");
                fromDecomposed.Should().Be(fromComposed);
            },
            seed: "0NfcNfd4Uts4",
            iter: 5_000);
    }

    // UTS #46 section 4.1, criterion 1: a label given in punycode must decode to NFC, and to a label that passes
    // every other criterion (6: no leading mark; 7: no disallowed code point). Nothing smuggles in that way.
    [TestCase("xn--example-tge.fr", Description = "'e' + U+0301 'xample', not in NFC")]
    [TestCase("xn--bc-7tb.example", Description = "U+0301 'bc', a leading mark")]
    [TestCase("xn--bc-f4t.example", Description = "U+202E 'bc', a bidi override")]
    public void Canonicalize_PunycodeOfALabelThatIsNotValid_IsRefused(string domain)
    {
        var act = () => DomainName.Canonicalize(domain, "domain");

        act.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "domain")
            .WithMessage("'domain' is not a valid domain: *not a valid internationalised domain name*");
    }

    // RFC 5893 2: right-to-left labels that keep the Bidi Rule are international domains like any other.
    [TestCase("\u05E9\u05DC\u05D5\u05DD.example", "xn--9dbne9b.example", Description = "Hebrew")]
    [TestCase("\u0645\u062B\u0627\u0644.example", "xn--mgbh0fb.example", Description = "Arabic")]
    [TestCase("\u05D0\u05D1\u05D21.example", "xn--1-zhcde.example", Description = "Hebrew ending in a digit (rule 3)")]
    [TestCase("example.\u05E9\u05DC\u05D5\u05DD", "example.xn--9dbne9b", Description = "Hebrew top-level label")]
    public void Canonicalize_RightToLeftLabel_IsOneInternationalDomain(string domain, string canonical)
    {
        DomainName.Canonicalize(domain, "domain").Should().Be(canonical);
        DomainName.Canonicalize(canonical, "domain").Should().Be(canonical);
    }

    // RFC 5893 2, the Bidi Rule. The verdict is IdnMapping's (UseStd3AsciiRules, AllowUnassigned off), not a hand-written
    // one: where it refuses the label, so does the domain; where it takes it (.NET on ICU does not ask ICU for the bidi
    // check), the label is still one canonical A-label of its own, never equal to a plain ASCII domain.
    [TestCase("a\u05D0.example", Description = "rule 5: a left-to-right label with a right-to-left letter")]
    [TestCase("\u05D0a.example", Description = "rule 2: a right-to-left label with a left-to-right letter")]
    [TestCase("1\u05D0.example", Description = "rule 1: a label that starts with a digit")]
    [TestCase("\u06271\u0662.example", Description = "rule 4: European and Arabic-Indic digits together")]
    public void Canonicalize_MixedDirectionLabel_IsRefusedWhereIdnMappingRefusesIt(string domain)
    {
        string? reference;
        try
        {
            reference = new IdnMapping { UseStd3AsciiRules = true, AllowUnassigned = false }.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            reference = null;
        }

        var act = () => DomainName.Canonicalize(domain, "domain");

        if (reference is null)
        {
            act.Should().Throw<ArgumentException>()
                .Where(e => e.ParamName == "domain")
                .WithMessage("'domain' is not a valid domain: *not a valid internationalised domain name*");
        }
        else
        {
            var canonical = act.Should().NotThrow().Subject;
            canonical.Should().Be(reference).And.StartWith("xn--");
            DomainName.Canonicalize(canonical, "domain").Should().Be(canonical);
        }
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
