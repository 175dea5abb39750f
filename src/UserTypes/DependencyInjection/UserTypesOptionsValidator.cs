using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// The checks the attributes on the options declare (<c>[Range]</c>, <c>[Required]</c>, nested members), generated at
/// build time. The rules across fields are <see cref="UserTypesOptionsRules"/>; the options system runs both and lists
/// every failure in one error.
/// </summary>
[OptionsValidator]
internal sealed partial class UserTypesOptionsValidator : IValidateOptions<UserTypesOptions>
{
}
