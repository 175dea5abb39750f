using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace UserTypes;

/// <summary>
/// The <c>UserTypes</c> meter: counters of authentications and classifications, for OpenTelemetry or
/// <c>dotnet-counters</c> with no extra package. Adding to a counter nobody listens to costs next to nothing.
/// </summary>
internal sealed class UserTypesMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "UserTypes";

    // Boxed once: a tag's value is an object, and the service-call hot path (an API key, a remembered password)
    // allocates nothing.
    private static readonly object Implicit = true;
    private static readonly object Explicit = false;

    private readonly Counter<long> _authentications;
    private readonly Counter<long> _classifications;
    private readonly Counter<long> _auditEntries;
    private readonly Counter<long> _federatedSignIns;

    public UserTypesMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _authentications = meter.CreateCounter<long>("usertypes.authentications", "{authentication}", "Authentications, by result, failure reason, user type and client kind.");
        _classifications = meter.CreateCounter<long>("usertypes.classifications", "{classification}", "E-mail classifications, by user type and reason.");
        _auditEntries = meter.CreateCounter<long>("usertypes.audit.entries", "{entry}", "Audit entries written with their change, by action.");
        _federatedSignIns = meter.CreateCounter<long>(
            "usertypes.federated.sign_ins", "{sign-in}", "Federated sign-ins, by outcome (a status or a failure reason) and how far the issuer's word on the address went.");
    }

    public void Authenticated(UserType userType, ClientKind client, bool implicitAnonymous) =>
        _authentications.Add(1, new TagList
        {
            { "result", "success" },
            { "user_type", UserTypesClaimTypes.ValueOf(userType) },
            { "client_kind", NameOf(client) },
            { "implicit", implicitAnonymous ? Implicit : Explicit },
        });

    public void AuthenticationFailed(AuthenticationFailureReason reason, UserType? userType, ClientKind client) =>
        _authentications.Add(1, new TagList
        {
            { "result", "failure" },
            { "reason", reason.ToString() },
            { "user_type", userType is { } type ? UserTypesClaimTypes.ValueOf(type) : "unknown" },
            { "client_kind", NameOf(client) },
        });

    public void FederatedSignIn(string outcome, AddressTrust? trust) =>
        _federatedSignIns.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("trust", trust?.ToString() ?? "unknown"));

    public void AuditEntryWritten(string action, int count = 1) => _auditEntries.Add(count, new KeyValuePair<string, object?>("action", action));

    public void Classified(UserClassification classification)
    {
        if (_classifications.Enabled)
        {
            _classifications.Add(1, new KeyValuePair<string, object?>("user_type", UserTypesClaimTypes.ValueOf(classification.UserType)), new KeyValuePair<string, object?>("reason", classification.Reason.ToString()));
        }
    }

    // Enum.ToString boxes the value; the service-call hot path allocates nothing.
    private static string NameOf(ClientKind client) => client switch
    {
        ClientKind.WebApplication => nameof(ClientKind.WebApplication),
        ClientKind.ServiceAgent => nameof(ClientKind.ServiceAgent),
        ClientKind.DesktopClient => nameof(ClientKind.DesktopClient),
        _ => "undefined",
    };
}
