using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>Checks every option at once so that one start-up error lists every bad value.</summary>
internal sealed class UserTypesOptionsValidator : IValidateOptions<UserTypesOptions>
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

        var password = options.Password;
        Check(password.MinLength >= 1, $"Password.MinLength must be at least 1 (was {password.MinLength}).");
        Check(password.MaxLength is >= 64 and <= 4096, $"Password.MaxLength must be between 64 and 4096 (was {password.MaxLength}).");
        Check(password.MinLength <= password.MaxLength, $"Password.MinLength ({password.MinLength}) must not exceed Password.MaxLength ({password.MaxLength}).");
        Check(password.WorkFactor is >= 4 and <= 31, $"Password.WorkFactor must be between 4 and 31 (was {password.WorkFactor}).");

        var lockout = options.Lockout;
        Check(lockout.MaxFailedAttempts is >= 1 and <= 1000, $"Lockout.MaxFailedAttempts must be between 1 and 1000 (was {lockout.MaxFailedAttempts}).");
        Check(lockout.Duration >= TimeSpan.FromSeconds(1) && lockout.Duration <= TimeSpan.FromDays(30), $"Lockout.Duration must be between 1 second and 30 days (was {lockout.Duration}).");

        var classification = options.Classification;
        var lifetime = classification.EmailConfirmationTokenLifetime;
        Check(lifetime >= TimeSpan.FromMinutes(1) && lifetime <= TimeSpan.FromDays(30), $"Classification.EmailConfirmationTokenLifetime must be between 1 minute and 30 days (was {lifetime}).");
        foreach (var domain in classification.PublicEmailDomains)
        {
            var error = domain is null ? "it is null." : DomainName.TryCanonicalize(domain, out _);
            Check(error is null, $"Classification.PublicEmailDomains contains '{domain}', which is not a valid domain: {error}");
        }

        var rights = options.Rights;
        var internalOnlyErrors = rights.InternalOnlyFunctionalRights.Select(RightNames.Check).OfType<string>().ToList();
        internalOnlyErrors.ForEach(error => failures.Add($"Rights.InternalOnlyFunctionalRights: {error}"));

        // The ceilings can only be compiled from valid names.
        var ceilings = internalOnlyErrors.Count == 0 ? new RightsPolicy(rights) : null;
        foreach (var (type, typeRights) in new[] { (UserType.Internal, rights.Internal), (UserType.External, rights.External), (UserType.Anonymous, rights.Anonymous) })
        {
            var grantError = typeRights.Defaults is null ? "they are null." : RightNames.Describe(typeRights.Defaults);
            Check(grantError is null, $"Rights.{type}.Defaults are not valid: {grantError}");
            Check((typeRights.DataRightsCeiling & ~DataRights.All) == 0, $"Rights.{type}.DataRightsCeiling ({(int)typeRights.DataRightsCeiling}) is not a combination of View, Create, Edit and Delete.");
            var excess = grantError is null && ceilings is not null ? RightsAlgebra.DescribeExcess(RightsAlgebra.Normalize(typeRights.Defaults!), ceilings.CeilingOf(type)) : null;
            Check(excess is null, $"Rights.{type}.Defaults exceed the type's ceiling: {excess}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
