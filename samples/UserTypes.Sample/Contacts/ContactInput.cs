namespace UserTypes.Sample.Contacts;

/// <summary>The body of a contact creation or update.</summary>
internal sealed record ContactInput(string? Name, string? Email)
{
    private const int MaxNameLength = 200;
    private const int MaxEmailLength = 254;

    /// <summary>The contact the input describes, trimmed, or what is wrong with it by field.</summary>
    public bool TryGetContact(long id, out Contact contact, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxNameLength)
        {
            errors["name"] = [$"Give a name of 1 to {MaxNameLength} characters."];
        }

        if (string.IsNullOrWhiteSpace(Email) || Email.Length > MaxEmailLength || !Email.Contains('@', StringComparison.Ordinal))
        {
            errors["email"] = [$"Give an e-mail address of at most {MaxEmailLength} characters."];
        }

        contact = errors.Count == 0 ? new Contact(id, Name!.Trim(), Email!.Trim()) : null!;
        return errors.Count == 0;
    }
}
