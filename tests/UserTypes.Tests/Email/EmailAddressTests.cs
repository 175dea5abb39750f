namespace UserTypes.Tests.Email;

public sealed class EmailAddressTests
{
    [TestCase("john@softr.io", "john@softr.io")]
    [TestCase("John.Smith@SOFTR.IO", "john.smith@softr.io")]
    [TestCase("a+tag@x.com", "a+tag@x.com")]
    [TestCase("o'brien@x.com", "o'brien@x.com")]
    [TestCase("user@bücher.de", "user@xn--bcher-kva.de")]
    [TestCase("user@BÜCHER.de", "user@xn--bcher-kva.de")]
    [TestCase("user@xn--bcher-kva.de", "user@xn--bcher-kva.de")]
    [TestCase("user@XN--BCHER-KVA.DE", "user@xn--bcher-kva.de")]
    [TestCase("Δοκιμή@παράδειγμα.gr", "δοκιμή@xn--hxajbheg2az3al.gr")]
    [TestCase("user@пример.рф", "user@xn--e1afmkfd.xn--p1ai")]
    [TestCase("user@example.XN--P1AI", "user@example.xn--p1ai")]
    public void Parse_ValidAddress_GivesCanonicalForm(string given, string canonical)
    {
        EmailAddress.Parse(given, "email").Value.Should().Be(canonical);
    }

    [Test]
    public void Parse_CanonicalForm_IsIdempotent()
    {
        var once = EmailAddress.Parse("Someone@BÜCHER.de", "email").Value;

        EmailAddress.Parse(once, "email").Value.Should().Be(once);
    }

    [TestCase("", "exactly one '@'")]
    [TestCase("plainaddress", "exactly one '@'")]
    [TestCase("a@b@x.com", "exactly one '@'")]
    [TestCase("@x.com", "before '@' is empty")]
    [TestCase("john@", "the domain is empty")]
    [TestCase("Alice <alice@x.com>", "display names")]
    [TestCase("<alice@x.com>", "display names")]
    [TestCase("alice@x.com (work)", "comments")]
    [TestCase("alice(work)@x.com", "comments")]
    [TestCase("\"alice\"@x.com", "quoted local parts")]
    [TestCase("\"a@b\"@x.com", "quoted local parts")]
    [TestCase(" alice@x.com", "white space")]
    [TestCase("alice@x.com ", "white space")]
    [TestCase("ali ce@x.com", "white space")]
    [TestCase("alice@x.com\n", "white space")]
    [TestCase("alice\u0000@x.com", "control characters")]
    [TestCase("alice@x.com\u0000", "control characters")]
    [TestCase("alice\u200B@x.com", "invisible formatting")]
    [TestCase(".alice@x.com", "dot")]
    [TestCase("alice.@x.com", "dot")]
    [TestCase("al..ice@x.com", "dot")]
    [TestCase("alice@x.com.", "must not end with a dot")]
    [TestCase("alice@.x.com", "must not start with a dot")]
    [TestCase("alice@x..com", "two dots")]
    [TestCase("alice@localhost", "at least two labels")]
    [TestCase("alice@10.0.0.1", "all digits")]
    [TestCase("alice@[10.0.0.1]", "letters, digits, hyphens")]
    [TestCase("alice@-x.com", "hyphen")]
    [TestCase("alice@x-.com", "hyphen")]
    [TestCase("alice@x_y.com", "letters, digits, hyphens")]
    [TestCase("alice@ab--cd.com", "not a valid internationalised")]
    [TestCase("alice@xn--zz.com", "not a valid internationalised")]
    [TestCase("alice@x.co\uE000m", "private-use")]
    [TestCase("alice@x.c0m", "must be letters, or an internationalised")]
    [TestCase("alice@x.a-b", "must be letters, or an internationalised")]
    [TestCase("alice@x.1com", "must be letters, or an internationalised")]
    [TestCase("a\u037Eb@x.com", "must not contain ';'")] // GREEK QUESTION MARK is ';' in NFC
    [TestCase("\u0301alice@x.com", "combining mark")]
    [TestCase("alice.\u20DDbob@x.com", "combining mark")]
    [TestCase("ali\u2028ce@x.com", "white space")]
    [TestCase("ali\u202Ece@x.com", "invisible formatting")]
    [TestCase("alice@\u0301bc.example", "must not start with a combining mark")] // UTS #46 4.1, criterion 6
    [TestCase("alice@a.\u0301b.example", "must not start with a combining mark")]
    [TestCase("alice@xyz\uFF61com", "drops or maps")] // UTS #46 5: U+FF61 is mapped to '.'
    [TestCase("alice@ｘｙｚ.com", "drops or maps")] // UTS #46 5: fullwidth letters are mapped to ASCII
    public void Parse_MalformedAddress_ThrowsNamingTheParameterAndTheProblem(string given, string problem)
    {
        var act = () => EmailAddress.Parse(given, "email");

        act.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "email")
            .WithMessage($"*{problem}*");
    }

    [Test]
    public void Parse_LocalPartLengths_AreOctetsOfTheCanonicalForm()
    {
        // 32 two-octet letters are 64 octets; 33 are 66, though only 33 characters.
        EmailAddress.Parse(new string('é', 32) + "@x.com", "email").LocalPart.Should().HaveLength(32);
        FluentActions.Invoking(() => EmailAddress.Parse(new string('é', 33) + "@x.com", "email"))
            .Should().Throw<ArgumentException>().WithMessage("*64 octets*(it has 66)*");

        // Decomposed, 'e' + U+0301 is two characters that NFC makes one two-octet letter: counted after NFC.
        EmailAddress.Parse(string.Concat(Enumerable.Repeat("e\u0301", 32)) + "@x.com", "email").LocalPart.Should().Be(new string('é', 32));

        // Three-octet letters: 21 fit in 64 octets, and the whole address must stay within 254 octets.
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 63), 3)) + ".com"; // 195 characters
        FluentActions.Invoking(() => EmailAddress.Parse(new string('中', 21) + "@" + domain, "email"))
            .Should().Throw<ArgumentException>().WithMessage("*254 octets*");
        EmailAddress.Parse(new string('中', 19) + "@" + domain, "email").Value.Length.Should().Be(19 + 1 + 195);
    }

    // Built in code: attribute strings are stored as UTF-8, where a lone surrogate becomes U+FFFD.
    [TestCase("alice@", "x.com")]
    [TestCase("ali", "ce@x.com")]
    public void Parse_LoneSurrogate_IsRefused(string before, string after)
    {
        foreach (var surrogate in new[] { '\uD800', '\uDC00' })
        {
            var act = () => EmailAddress.Parse(before + surrogate + after, "email");

            act.Should().Throw<ArgumentException>().WithMessage("*lone surrogate*");
        }
    }

    // The same list as the domain given alone (DomainName.Canonicalize): RFC 5892 and UTS #46 section 5 for each row.
    [TestCaseSource(typeof(ForbiddenCharacters), nameof(ForbiddenCharacters.AnywhereCases))]
    public void Parse_DomainWithACharacterOfAForbiddenCategory_IsRefusedWhereverItStands(int codePoint, string problem)
    {
        var c = ForbiddenCharacters.Text(codePoint);
        foreach (var email in new[] { "alice@" + c + "example.com", "alice@exa" + c + "mple.com", "alice@example." + c + "com", "alice@example.com" + c })
        {
            var act = () => EmailAddress.Parse(email, "email");

            act.Should().Throw<ArgumentException>(because: $"U+{codePoint:X4} stands in the domain of '{email}'")
                .Where(e => e.ParamName == "email")
                .WithMessage($"'email' is not a valid e-mail address: *{problem}*");
        }
    }

    [Test]
    public void Parse_DecomposedAddress_IsTheSameAddressAsTheComposed()
    {
        // NFC in both parts: RFC 6531 3.3 for the local part, UTS #46 section 4 (step 2) for the domain.
        var composed = EmailAddress.Parse("Jos\u00E9@\u00E9xample.fr", "email");

        EmailAddress.Parse("Jose\u0301@E\u0301XAMPLE.fr", "email").Value.Should().Be(composed.Value).And.Be("jos\u00E9@xn--xample-9ua.fr");
    }

    [Test]
    public void Parse_Null_ThrowsArgumentNull()
    {
        var act = () => EmailAddress.Parse(null, "email");

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("email");
    }

    [Test]
    public void Parse_LocalPartOf65Characters_IsRefused()
    {
        var act = () => EmailAddress.Parse(new string('a', 65) + "@x.com", "email");

        act.Should().Throw<ArgumentException>().WithMessage("*at most 64*");
    }

    [Test]
    public void Parse_LocalPartOf64Characters_IsAccepted()
    {
        EmailAddress.Parse(new string('a', 64) + "@x.com", "email").LocalPart.Should().HaveLength(64);
    }

    [Test]
    public void Parse_AddressOf255Characters_IsRefused()
    {
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 60), 3)) + ".com"; // 186 characters
        var address = new string('a', 64) + "@" + domain + ".abc";
        address.Should().HaveLength(255);

        var act = () => EmailAddress.Parse(address, "email");

        act.Should().Throw<ArgumentException>().WithMessage("*at most 254*");
    }

    [Test]
    public void Parse_LabelOf64Characters_IsRefused()
    {
        var act = () => EmailAddress.Parse("a@" + new string('d', 64) + ".com", "email");

        act.Should().Throw<ArgumentException>().WithMessage("*at most 63*");
    }

    [Test]
    public void Parse_OneMegabyteString_IsRefusedByLengthAlone()
    {
        var huge = new string('a', 1 << 20) + "@x.com";

        var act = () => EmailAddress.Parse(huge, "email");

        act.Should().Throw<ArgumentException>().WithMessage("*at most 254 characters*");
    }

    [Test]
    [SetCulture("tr-TR")]
    public void Parse_UpperCaseUnderTurkishCulture_LowerCasesWithInvariantRules()
    {
        EmailAddress.Parse("JOHN@SOFTR.IO", "email").Value.Should().Be("john@softr.io");
    }
}
