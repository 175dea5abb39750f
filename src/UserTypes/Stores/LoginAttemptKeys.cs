using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace UserTypes.Stores;

/// <summary>
/// The keys login attempts are counted under (<see cref="IUserLockoutStore"/>): an account's own key, or, for a user
/// name no account has, a hash of the name, so that names that exist and names that do not cost the same store work
/// and lock alike, and what someone typed as a user name (sometimes a password) is never stored.
/// </summary>
public static class LoginAttemptKeys
{
    /// <summary>The key of an account: its lockout follows it whatever its user name becomes.</summary>
    /// <param name="userId">The account's id.</param>
    /// <returns>The key.</returns>
    public static string ForAccount(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return "u:" + userId;
    }

    /// <summary>The key of a user name no account of the workspace has: a SHA-256 of the workspace and the normalised name.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="normalizedUserName">The name as <see cref="UserAccount.NormalizeUserName"/> gives it.</param>
    /// <returns>The key.</returns>
    public static string ForUnknownUserName(string workspaceId, string normalizedUserName)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        ArgumentNullException.ThrowIfNull(normalizedUserName);

        // The workspace is hashed too, so one typed secret gives unrelated keys in two workspaces.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(workspaceId + "\n" + normalizedUserName));
        return "n:" + Base64Url.EncodeToString(hash);
    }
}
