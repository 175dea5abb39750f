using System.Globalization;

namespace UserTypes.Sample.Contacts;

/// <summary>A contact person of a workspace.</summary>
internal sealed record Contact(long Id, string Name, string Email)
{
    /// <summary>The person id an external user created from this contact is linked to.</summary>
    public string PersonId => Id.ToString(CultureInfo.InvariantCulture);
}
