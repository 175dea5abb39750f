using Microsoft.AspNetCore.Antiforgery;
using OpenIddict.Abstractions;
using UserTypes.Sample.Hosting;
using static UserTypes.Sample.Hosting.HtmlPage;

namespace UserTypes.Sample.DemoProvider;

/// <summary>
/// The demo provider's sign-in page: the person types any address and says whether the provider verified it. The
/// authorization request's parameters go back with the form, so OpenIddict checks the request again when it is posted.
/// </summary>
internal static class DemoSignInPage
{
    public const string EmailField = "email";
    public const string VerifiedField = "email_verified";

    public static HtmlPage For(OpenIddictRequest request, AntiforgeryTokenSet tokens, string? error = null)
    {
        var parameters = request.GetParameters()
            .Where(parameter => parameter.Key is not (EmailField or VerifiedField) && parameter.Key != tokens.FormFieldName)
            .Select(parameter => (parameter.Key, Value: (string?)parameter.Value))
            .Where(parameter => parameter.Value is not null)
            .Select(parameter => Hidden(parameter.Key, parameter.Value!));
        var message = error is null ? string.Empty : $"""<p id="message">{Encode(error)}</p>""";
        return new HtmlPage(DemoIdentityProvider.DisplayName, $"""
            <p><strong>Demo identity provider — a stand-in for Google or Entra, for local development only.</strong>
            It signs in whoever you type, and vouches for the address only if you tick the box.</p>
            {message}
            <form method="post" action="{Encode(DemoIdentityProvider.AuthorizationPath)}">
            {string.Concat(parameters)}
            {Hidden(tokens.FormFieldName, tokens.RequestToken!)}
            <label>E-mail address <input name="{EmailField}" type="email" required autofocus></label>
            <label><input name="{VerifiedField}" type="checkbox" value="true"> E-mail verified</label>
            <button type="submit">Sign in</button>
            </form>
            """, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static string Hidden(string name, string value) => $"""<input type="hidden" name="{Encode(name)}" value="{Encode(value)}">""";
}
