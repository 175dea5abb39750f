using Microsoft.Extensions.Options;

namespace UserTypes.AspNetCore;

/// <summary>Checks <see cref="UserTypesWorkspaceOptions"/> from its attributes, generated at build time.</summary>
[OptionsValidator]
internal sealed partial class UserTypesWorkspaceOptionsValidator : IValidateOptions<UserTypesWorkspaceOptions>
{
}
