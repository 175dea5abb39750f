namespace UserTypes;

/// <summary>What <see cref="PasswordAttempts.CheckAsync"/> found.</summary>
/// <param name="Verification">Whether the password matched (always <see cref="PasswordVerification.Failed"/> when locked or not reserved).</param>
/// <param name="LockedOut">Whether the key was locked, so that the password was not compared.</param>
/// <param name="Key">The key the attempt was counted under.</param>
/// <param name="Reserved">The reservation, or <see langword="null"/> when locked or when the store could not reserve.</param>
/// <param name="UserId">The account whose password was compared, or <see langword="null"/> when none was.</param>
internal readonly record struct PasswordAttempt(PasswordVerification Verification, bool LockedOut, string Key, LoginAttempt? Reserved, string? UserId = null)
{
    /// <summary>Whether the password matched.</summary>
    public bool Verified => Verification != PasswordVerification.Failed;
}
