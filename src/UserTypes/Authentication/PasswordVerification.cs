namespace UserTypes;

/// <summary>The outcome of checking a password against a stored hash.</summary>
internal enum PasswordVerification
{
    /// <summary>The password is wrong, or the hash could not be read.</summary>
    Failed,

    /// <summary>The password is right.</summary>
    Succeeded,

    /// <summary>The password is right and the hash has a lower work factor than configured: store a new one.</summary>
    SucceededRehashNeeded,
}
