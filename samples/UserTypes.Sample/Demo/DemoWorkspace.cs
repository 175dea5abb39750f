namespace UserTypes.Sample.Demo;

/// <summary>
/// The workspace the sample seeds on first run. Its passwords are printed on start: they are for trying the sample
/// on your own machine, never for anything reachable by others.
/// </summary>
internal static class DemoWorkspace
{
    public const string Id = "demo";
    public const string OwnerEmail = "olivia@acme.example";

    // The owner's domain: everyone at acme.example is internal. The demo identity provider speaks for it.
    public const string InternalDomain = "acme.example";

    // A collaborator from another company: everyone at contoso.example is internal too (product document 002).
    public const string CollaboratorEmail = "carl@contoso.example";

    // A guest collaborator never makes their domain internal.
    public const string GuestEmail = "gus@agency.example";

    // Domain-based sign-up: acme-labs.example and its subdomains sign up as internal users.
    public const string SignupDomain = "acme-labs.example";

    public const string AdminUserName = "admin";
    public const string AdminEmail = "admin@acme.example";
    public const string AdminPassword = "amber harbor 1";

    public const string PartnerUserName = "partner";
    public const string PartnerEmail = "pat@partner.example";
    public const string PartnerPassword = "silver meadow 1";

    public const string AnonymousUserName = "anonymous";
    public const string AnonymousPassword = "open door 1";

    public static readonly WorkspaceLicense License = new()
    {
        ExternalUsers = true,
        AnonymousUsers = true,
        MaxInternalUsers = 5,
        MaxExternalUsers = 3,
    };

    public static readonly IReadOnlyList<(string Name, string Email)> Contacts =
    [
        ("Pat Partner", PartnerEmail),
        ("Quinn Customer", "quinn@customer.example"),
        ("Robin Supplier", "robin@supplier.example"),
    ];
}
