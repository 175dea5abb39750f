using System.Collections.Frozen;
using CsCheck;
using UserTypes.Tests.Email;

namespace UserTypes.Tests.Classification;

/// <summary>
/// Random workspaces and addresses against a plain reference model of the rule. Seeds are fixed so a failure
/// reproduces; CsCheck prints the seed of any new failure.
/// </summary>
public sealed class ClassificationPropertyTests
{
    private const int Iterations = 2_000;

    private static readonly string[] Domains =
        ["xyz.com", "softr.io", "hr.xyz.com", "a.hr.xyz.com", "notxyz.com", "xyz.co", "gmail.com", "b.softr.io", "io.softr.io"];

    private static readonly FrozenSet<string> PublicDomains = PublicEmailDomains.BuiltIn.ToFrozenSet(StringComparer.Ordinal);

    private static readonly Gen<WorkspaceRecord> Workspaces =
        Gen.Select(
            Gen.Select(Gen.OneOfConst(Domains), Gen.Enum<CollaboratorRole>()).Array[0, 6],
            Gen.Select(Gen.OneOfConst(Domains), Gen.Bool).Array[0, 4],
            (collaborators, signups) => new WorkspaceRecord
            {
                Id = "ws",
                Collaborators = [.. collaborators.Select((c, i) => new Collaborator($"c{i}@{c.Item1}", c.Item2))],
                SignupDomains = [.. signups.DistinctBy(s => s.Item1).Select(s => new SignupDomain(s.Item1, s.Item2))],
            });

    private static readonly Gen<string> Addresses =
        Gen.Select(Gen.OneOfConst("john", "j.doe", "a+b"), Gen.OneOfConst(Domains), (local, domain) => $"{local}@{domain}");

    // Plain addresses of up to PlainAddress.MaxLength characters: the ones the fast path must take.
    private static readonly Gen<string> PlainAddresses = CreatePlainAddresses();

    [Test]
    public void Classify_AgreesWithReferenceModel()
    {
        Gen.Select(Workspaces, Addresses).Sample(
            (workspace, email) =>
            {
                var lookup = WorkspaceLookup.Compile(workspace, PublicDomains);

                UserClassifier.Classify(lookup, email).Classification.UserType.Should().Be(ReferenceModel(workspace, email));
            },
            seed: "0G5GX6sUUMy1",
            iter: Iterations);
    }

    [Test]
    public void Classify_CaseNeverChangesTheResult()
    {
        Gen.Select(Workspaces, Addresses, Gen.Bool.Array[30]).Sample(
            (workspace, email, upper) =>
            {
                var lookup = WorkspaceLookup.Compile(workspace, PublicDomains);
                var recased = string.Concat(email.Select((c, i) => upper[i % upper.Length] ? char.ToUpperInvariant(c) : c));

                UserClassifier.Classify(lookup, recased).Classification.Should().Be(UserClassifier.Classify(lookup, email).Classification);
            },
            seed: "0N0XIzNsQ0O2",
            iter: Iterations);
    }

    [Test]
    public void Parse_CanonicalFormIsIdempotent()
    {
        var parts = Gen.String[Gen.Char["abcXYZ019-.üßΣ"], 1, 12];
        Gen.Select(parts, parts, parts).Sample(
            (local, label, top) =>
            {
                var address = TryParse($"{local}@{label}.{top}");
                if (address is not null)
                {
                    EmailAddress.Parse(address.Value, "email").Value.Should().Be(address.Value);
                }
            },
            seed: "0ZfbQwJ5k8P4",
            iter: Iterations);
    }

    [Test]
    public void PlainAddressFastPath_AgreesWithTheFullParser()
    {
        // Strings of a shape close to an address, long enough for several vector steps and the overlapping last
        // one: the fast path may give up, but whenever it accepts, the full parser must accept too and give the
        // very same domain.
        // Hostile characters too (a lone mark, no-break space, bidi override, fullwidth full stop), on either side of '@'.
        Gen.String[Gen.Char["aZ09.-@+_'\"( <x!\u00fc\u0000\u0301\u00a0\u202e\uff0e"], 0, 70].Sample(
            email =>
            {
                var parsed = TryParse(email);
                Span<char> buffer = stackalloc char[PlainAddress.BufferLength];
                if (PlainAddress.TryLowerDomain(email, buffer, out var domain))
                {
                    parsed.Should().NotBeNull(because: $"the fast path accepted '{email}'");
                    domain.ToString().Should().Be(parsed!.Domain);
                }
            },
            seed: "0Kq3T9vLwE7a",
            iter: 50_000);
    }

    [Test]
    public void PlainAddressFastPath_TakesEveryPlainAddress()
    {
        // The other way round: a plain address of up to PlainAddress.MaxLength characters never falls back to
        // the full parser, so the measured hot path is the one such addresses really take.
        PlainAddresses.Sample(
            email =>
            {
                Span<char> buffer = stackalloc char[PlainAddress.BufferLength];

                PlainAddress.TryLowerDomain(email, buffer, out var domain).Should().BeTrue(because: $"'{email}' is plain");
                domain.ToString().Should().Be(EmailAddress.Parse(email, "email").Domain);
            },
            seed: "0T4kPq2LmN8z",
            iter: 20_000);
    }

    [Test]
    public void Parse_HostileCharacterInTheDomain_IsRefusedOnBothPaths()
    {
        // A plain address, then one hostile edit of its domain: a character of a forbidden category anywhere, a
        // combining mark at the start of a label, or a character UTS #46 maps (fullwidth forms, the full stops
        // U+3002, U+FF0E, U+FF61). The fast path must give up and the full parser must refuse: neither may let a
        // lookalike through as the plain domain.
        var forbidden = Gen.OneOfConst(ForbiddenCharacters.Anywhere.Select(row => ForbiddenCharacters.Text(row.CodePoint)).ToArray());
        var mark = Gen.OneOfConst(ForbiddenCharacters.Marks.Select(char.ConvertFromUtf32).ToArray());
        var fullStop = Gen.OneOfConst("\u3002", "\uFF0E", "\uFF61");
        Gen.Select(PlainAddresses, Gen.Int[0, 2], forbidden, mark, fullStop, Gen.Int[0, 1000]).Sample(
            (plain, edit, hostile, lead, stop, where) =>
            {
                var at = plain.IndexOf('@', StringComparison.Ordinal);
                var email = edit switch
                {
                    0 => plain.Insert(at + 1 + (where % (plain.Length - at)), hostile),
                    1 => Insert(plain, at, where, lead),
                    _ => Fullwidth(plain, at, where, stop),
                };
                Span<char> buffer = stackalloc char[PlainAddress.BufferLength];

                PlainAddress.TryLowerDomain(email, buffer, out _).Should().BeFalse(because: $"the fast path must leave '{email}' to the parser");
                FluentActions.Invoking(() => EmailAddress.Parse(email, "email"))
                    .Should().Throw<ArgumentException>(because: $"'{email}' has a hostile domain").Which.ParamName.Should().Be("email");
            },
            seed: "0H7sTdM4nQ2x",
            iter: 20_000);

        // The mark goes right after '@' or after one of the domain's dots.
        static string Insert(string email, int at, int where, string mark)
        {
            var starts = Enumerable.Range(at, email.Length - at).Where(i => email[i] is '@' or '.').ToArray();
            return email.Insert(starts[where % starts.Length] + 1, mark);
        }

        // One character of the domain in its fullwidth form (U+FF01..U+FF5E mirror ASCII), or a dot as another full stop.
        static string Fullwidth(string email, int at, int where, string stop)
        {
            var i = at + 1 + (where % (email.Length - at - 1));
            var replacement = email[i] == '.' && where % 2 == 0 ? stop : ((char)(email[i] + 0xFEE0)).ToString();
            return string.Concat(email.AsSpan(0, i), replacement, email.AsSpan(i + 1));
        }
    }

    // The rule in its plainest form, on the generator's ASCII domains.
    private static UserType ReferenceModel(WorkspaceRecord workspace, string email)
    {
        var domain = email.Split('@')[1].ToLowerInvariant();
        var collaborator = workspace.Collaborators.Any(c =>
            c.Role != CollaboratorRole.Guest && c.Email.Split('@')[1] == domain && !PublicDomains.Contains(domain));
        var signup = workspace.SignupDomains.Any(s =>
            !PublicDomains.Contains(s.Domain)
            && (s.Domain == domain || (s.IncludeSubdomains && domain.EndsWith("." + s.Domain, StringComparison.Ordinal))));
        return collaborator || signup ? UserType.Internal : UserType.External;
    }

    private static Gen<string> CreatePlainAddresses()
    {
        var word = Gen.String[Gen.Char["abcxyzABCXYZ0189"], 1, 9];
        var local = Gen.Select(word, Gen.OneOfConst("", ".", "+", "_", "-", "'"), word, (a, separator, b) => a + separator + b);
        var label = Gen.Select(word, Gen.Bool, word, (a, hyphen, b) => hyphen ? a + "-" + b : a + b);
        var topLevel = Gen.String[Gen.Char["abcXYZ"], 2, 6];
        return Gen.Select(local, label.Array[1, 3], topLevel, (l, labels, top) => $"{l}@{string.Join('.', labels)}.{top}")
            .Where(email => email.Length <= PlainAddress.MaxLength);
    }

    private static EmailAddress? TryParse(string email)
    {
        try
        {
            return EmailAddress.Parse(email, "email");
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
