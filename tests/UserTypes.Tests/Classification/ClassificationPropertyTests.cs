using System.Collections.Frozen;
using CsCheck;

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
        Gen.String[Gen.Char["aZ09.-@+_'\"( <x!\u00fc\u0000"], 0, 70].Sample(
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
        var word = Gen.String[Gen.Char["abcxyzABCXYZ0189"], 1, 9];
        var local = Gen.Select(word, Gen.OneOfConst("", ".", "+", "_", "-", "'"), word, (a, separator, b) => a + separator + b);
        var label = Gen.Select(word, Gen.Bool, word, (a, hyphen, b) => hyphen ? a + "-" + b : a + b);
        var topLevel = Gen.String[Gen.Char["abcXYZ"], 2, 6];
        Gen.Select(local, label.Array[1, 3], topLevel, (l, labels, top) => $"{l}@{string.Join('.', labels)}.{top}")
            .Where(email => email.Length <= PlainAddress.MaxLength)
            .Sample(
                email =>
                {
                    Span<char> buffer = stackalloc char[PlainAddress.BufferLength];

                    PlainAddress.TryLowerDomain(email, buffer, out var domain).Should().BeTrue(because: $"'{email}' is plain");
                    domain.ToString().Should().Be(EmailAddress.Parse(email, "email").Domain);
                },
                seed: "0T4kPq2LmN8z",
                iter: 20_000);
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
