using System.ComponentModel.DataAnnotations;

namespace UserTypes;

/// <summary>How e-mail addresses decide user types.</summary>
public sealed class ClassificationOptions
{
    /// <summary>
    /// Public mail providers: a collaborator on one of these domains does not make that provider's users
    /// internal, and none can be a signup domain. Default: a built-in list of about a hundred free-mail
    /// domains (gmail.com, outlook.com, yahoo.com, ...); add to it or remove from it. Compared in canonical form,
    /// so entries may be given in any case or in Unicode.
    /// </summary>
    [Required]
    public ISet<string> PublicEmailDomains { get; set; } = new HashSet<string>(UserTypes.PublicEmailDomains.BuiltIn, StringComparer.OrdinalIgnoreCase);
}
