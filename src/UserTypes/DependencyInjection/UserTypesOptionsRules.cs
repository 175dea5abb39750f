using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// The option rules no attribute can state: those across fields (a minimum below its maximum, defaults within their
/// ceiling) and those on the contents of collections (valid domain and right names). Ranges and required values are
/// declared on the options themselves and checked by <see cref="UserTypesOptionsValidator"/>.
/// </summary>
internal sealed class UserTypesOptionsRules : IValidateOptions<UserTypesOptions>
{
    public ValidateOptionsResult Validate(string? name, UserTypesOptions options)
    {
        var failures = new List<string>();
        void Check(bool valid, string message)
        {
            if (!valid)
            {
                failures.Add(message);
            }
        }

        // A missing section or collection is the generated validator's to report; these rules look only at what is there.
        if (options.Password is { } password)
        {
            Check(password.MinLength <= password.MaxLength, $"Password.MinLength ({password.MinLength}) must not exceed Password.MaxLength ({password.MaxLength}).");
            Check(!password.BlockedPasswords.Any(string.IsNullOrEmpty), "Password.BlockedPasswords contains a null or empty entry.");
        }

        if (options.Lockout is { BackOff: { } backOff } lockout)
        {
            Check(backOff <= lockout.Duration, $"Lockout.BackOff ({backOff}) must not exceed Lockout.Duration ({lockout.Duration}).");
        }

        foreach (var domain in options.Classification?.PublicEmailDomains ?? new HashSet<string>())
        {
            var error = domain is null ? "it is null." : DomainName.TryCanonicalize(domain, out _);
            Check(error is null, $"Classification.PublicEmailDomains contains '{domain}', which is not a valid domain: {error}");
        }

        if (options.Rights is not { } rights)
        {
            return Result(failures);
        }

        var internalOnlyErrors = (rights.InternalOnlyFunctionalRights ?? new HashSet<string>()).Select(RightNames.Check).OfType<string>().ToList();
        internalOnlyErrors.ForEach(error => failures.Add($"Rights.InternalOnlyFunctionalRights: {error}"));

        // The ceilings can only be compiled from valid names.
        var complete = rights.InternalOnlyFunctionalRights is not null && rights.Internal?.Defaults is not null && rights.External?.Defaults is not null && rights.Anonymous?.Defaults is not null;
        var ceilings = internalOnlyErrors.Count == 0 && complete ? new RightsPolicy(rights) : null;
        foreach (var (type, typeRights) in new[] { (UserType.Internal, rights.Internal), (UserType.External, rights.External), (UserType.Anonymous, rights.Anonymous) })
        {
            if (typeRights?.Defaults is null)
            {
                continue;
            }

            var grantError = RightNames.Describe(typeRights.Defaults);
            Check(grantError is null, $"Rights.{type}.Defaults are not valid: {grantError}");
            Check((typeRights.DataRightsCeiling & ~DataRights.All) == 0, $"Rights.{type}.DataRightsCeiling ({(int)typeRights.DataRightsCeiling}) is not a combination of View, Create, Edit and Delete.");
            var excess = grantError is null && ceilings is not null ? RightsAlgebra.DescribeExcess(RightsAlgebra.Normalize(typeRights.Defaults), ceilings.CeilingOf(type)) : null;
            Check(excess is null, $"Rights.{type}.Defaults exceed the type's ceiling: {excess}.");
        }

        return Result(failures);
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
