using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace UserTypes.AspNetCore;

/// <summary>The request about to be authenticated. Setting a result (<c>Success</c>, <c>Fail</c>, <c>NoResult</c>) skips the check.</summary>
public sealed class UserTypesAuthenticatingContext : ResultContext<UserTypesAuthenticationOptions>
{
    /// <summary>Creates the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="workspaceId">The workspace the resolver found.</param>
    public UserTypesAuthenticatingContext(HttpContext context, AuthenticationScheme scheme, UserTypesAuthenticationOptions options, string workspaceId)
        : base(context, scheme, options)
    {
        WorkspaceId = workspaceId;
    }

    /// <summary>The workspace the caller is authenticated against; a handler may replace it.</summary>
    public string WorkspaceId { get; set; }
}
