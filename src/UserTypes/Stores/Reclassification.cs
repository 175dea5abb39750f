namespace UserTypes.Stores;

/// <summary>
/// What one reclassification pass changes, decided in one place for every store: each classified account whose
/// address now classifies otherwise gets the new type, a new security stamp (its sessions end) and, once it is no
/// longer internal, stops being an administrator, except the workspace's last enabled administrator, which keeps its
/// type (see <see cref="AdministratorGate"/>).
/// </summary>
public static class Reclassification
{
    /// <summary>Decides the new state of every account a pass changes.</summary>
    /// <param name="classified">The workspace's classified accounts that have an address, read in the pass's atomic operation.</param>
    /// <param name="classify">The user type for a canonical address.</param>
    /// <param name="enabledAdministrators">The workspace's enabled administrators, all accounts counted.</param>
    /// <returns>The changed accounts, each one version higher; nothing for an account that keeps its type.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<StoredUser> Decide(IReadOnlyList<StoredUser> classified, Func<string, UserType> classify, int enabledAdministrators)
    {
        ArgumentNullException.ThrowIfNull(classified);
        ArgumentNullException.ThrowIfNull(classify);
        var changed = new List<StoredUser>();
        var administrators = enabledAdministrators;
        foreach (var user in classified)
        {
            var account = user.Account;
            var type = classify(account.Email!);
            if (type == account.UserType)
            {
                continue;
            }

            var next = user with
            {
                Account = account with { UserType = type, SecurityStamp = UserAccount.NewSecurityStamp(), Version = account.Version + 1 },
                IsAdministrator = user.IsAdministrator && type == UserType.Internal,
            };
            if (AdministratorGate.Removes(user, next))
            {
                if (administrators == 1)
                {
                    continue;
                }

                administrators--;
            }

            changed.Add(next);
        }

        return changed;
    }

    /// <summary>
    /// The audit entries a pass writes with its changes, in the same atomic operation: one
    /// <see cref="AuditActions.UserTypeChanged"/> per re-typed account, with the pass's actor and time, the account as its
    /// subject and the old and new type in the summary.
    /// </summary>
    /// <param name="pass">The pass's entry (<see cref="IUserClassificationStore.ReclassifyAsync"/>): action, actor, time, and the reason as its summary.</param>
    /// <param name="classified">The accounts the pass read.</param>
    /// <param name="changed">What <see cref="Decide"/> returned for them.</param>
    /// <returns>One entry per changed account, in the order of <paramref name="changed"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<AuditEntry> AuditOf(AuditEntry pass, IReadOnlyList<StoredUser> classified, IReadOnlyList<StoredUser> changed)
    {
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(classified);
        ArgumentNullException.ThrowIfNull(changed);
        var before = classified.ToDictionary(user => user.Account.Id, user => user.Account.UserType, StringComparer.Ordinal);
        return [.. changed.Select(user => pass with { SubjectUserId = user.Account.Id, Summary = $"{AuditRecorder.TypeChangedSummary(user.Account.Id, before[user.Account.Id], user.Account.UserType)} {pass.Summary}" })];
    }
}
