namespace UserTypes.Sample.Contacts;

/// <summary>The body of a contact creation or update.</summary>
internal sealed record ContactInput(string? Name, string? Email)
{
    private const int MaxNameLength = 200;
    private const int MaxEmailLength = 254;

    /// <summary>What is wrong with the input, by field; empty when it is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxNameLength)
        {
            errors["name"] = [$"Give a name of 1 to {MaxNameLength} characters."];
        }

        if (string.IsNullOrWhiteSpace(Email) || Email.Length > MaxEmailLength || !Email.Contains('@', StringComparison.Ordinal))
        {
            errors["email"] = [$"Give an e-mail address of at most {MaxEmailLength} characters."];
        }

        return errors;
    }
}
