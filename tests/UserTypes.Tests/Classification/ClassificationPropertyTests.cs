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

                UserClassifier.Classify(lookup, email).UserType.Should().Be(ReferenceModel(workspace, email));
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

                UserClassifier.Classify(lookup, recased).Should().Be(UserClassifier.Classify(lookup, email));
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
        // Every printable-ASCII string of a shape close to an address: the fast path may give up, but whenever it
        // accepts, the full parser must accept too and give the very same domain.
        Gen.String[Gen.Char["aZ09.-@+_\"( <x"], 0, 24].Sample(
            email =>
            {
                var parsed = TryParse(email);
                Span<char> buffer = stackalloc char[DomainName.MaxLength];
                if (PlainAddress.TryLowerDomain(email, buffer, out var written))
                {
                    parsed.Should().NotBeNull(because: $"the fast path accepted '{email}'");
                    new string(buffer[..written]).Should().Be(parsed!.Domain);
                }
            },
            seed: "0Kq3T9vLwE7a",
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
