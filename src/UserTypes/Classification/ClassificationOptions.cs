namespace UserTypes;

/// <summary>How e-mail addresses decide user types.</summary>
public sealed class ClassificationOptions
{
    /// <summary>
    /// Whether a signed-up account must confirm its e-mail address before it can log in. Default
    /// <see langword="true"/>: without it anyone could sign up with a colleague's address and be internal.
    /// </summary>
    public bool RequireConfirmedEmail { get; set; } = true;

    /// <summary>
    /// Public mail providers: a collaborator on one of these domains does not make that provider's users
    /// internal, and none can be a signup domain. Default: a built-in list of about a hundred free-mail
    /// domains (gmail.com, outlook.com, yahoo.com, ...); add to it or remove from it. Compared in canonical form,
    /// so entries may be given in any case or in Unicode.
    /// </summary>
    public ISet<string> PublicEmailDomains { get; } = new HashSet<string>(UserTypes.PublicEmailDomains.BuiltIn, StringComparer.OrdinalIgnoreCase);

    /// <summary>How long an e-mail confirmation token stays valid. Default 24 hours; 1 minute to 30 days.</summary>
    public TimeSpan EmailConfirmationTokenLifetime { get; set; } = TimeSpan.FromHours(24);
}
