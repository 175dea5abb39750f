namespace UserTypes.Tests.Federation.Harness;

/// <summary>
/// Who a <see cref="TestIdentityProvider"/> signs in: the subject, the e-mail address and any further claims
/// (<c>email_verified</c>, <c>hd</c>, <c>tid</c>, <c>xms_edov</c>...), each put in the ID token as given: a
/// <see cref="bool"/> as a JSON boolean, an <see cref="int"/> or <see cref="long"/> as a JSON number, a
/// <see cref="string"/> as a JSON string and a <see cref="System.Text.Json.JsonElement"/> as it is.
/// </summary>
internal sealed record TestPerson(string Subject, string? Email, IReadOnlyDictionary<string, object> ExtraClaims)
{
    public TestPerson(string subject, string? email)
        : this(subject, email, new Dictionary<string, object>())
    {
    }
}
