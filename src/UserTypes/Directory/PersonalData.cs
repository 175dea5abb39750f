using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserTypes;

/// <summary>
/// What UserTypes keeps about a person, as the JSON a host hands over on request (GDPR articles 15 and 20): the
/// account's identity, address, type, rights, state and dates. Never the password hash, a token or the security stamp,
/// which are secrets, not data about the person.
/// </summary>
internal static class PersonalData
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The account's personal data as indented JSON.</summary>
    /// <param name="account">The account.</param>
    /// <param name="identities">The federated identities linked to it.</param>
    /// <returns>The JSON.</returns>
    public static string Export(UserAccount account, IReadOnlyList<StoredIdentityLink> identities) => JsonSerializer.Serialize(
        new Document(
            account.Id,
            account.WorkspaceId,
            account.UserName,
            account.Email,
            account.EmailConfirmed,
            account.UserType,
            account.UserTypeSource,
            account.PersonId,
            account.Enabled,
            [.. account.Rights.FunctionalRights.Order(StringComparer.Ordinal)],
            account.Rights.DataRights.OrderBy(entry => entry.Key, StringComparer.Ordinal).ToDictionary(entry => entry.Key, entry => entry.Value.ToString()),
            account.CreatedAt,
            account.AccessFailedCount,
            account.LockoutEnd,
            [.. identities.Select(link => new LinkedIdentity(link.Issuer, link.Subject, link.CreatedAt))]),
        Json);

    private sealed record Document(
        string Id,
        string WorkspaceId,
        string UserName,
        string? Email,
        bool EmailConfirmed,
        UserType UserType,
        UserTypeSource UserTypeSource,
        string? PersonId,
        bool Enabled,
        string[] FunctionalRights,
        Dictionary<string, string> DataRights,
        DateTimeOffset CreatedAt,
        int FailedLoginsSinceLastSuccess,
        DateTimeOffset? LockedOutUntil,
        LinkedIdentity[] LinkedIdentities);

    // An identity from an OpenID Connect provider that signs in to the account: the provider's id for the person is theirs.
    private sealed record LinkedIdentity(string Issuer, string Subject, DateTimeOffset LinkedAt);
}
