namespace UserTypes;

/// <summary>How sign-up works.</summary>
public sealed class SignUpOptions
{
    /// <summary>
    /// Whether a signed-up account must confirm its e-mail address before it can log in. Default
    /// <see langword="true"/>: without it anyone could sign up with a colleague's address and be internal.
    /// </summary>
    public bool RequireConfirmedEmail { get; set; } = true;
}
