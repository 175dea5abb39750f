using System.Globalization;

namespace UserTypes;

/// <summary>
/// Makes the audit entries the services hand to the store with each write: the time from the injected clock, the actor
/// (<see cref="IAuditActorAccessor"/> for trusted calls, when the host registered one), and one readable summary per
/// change that names accounts by id only. An account change is described from what differs between its two states, so
/// no write can forget one.
/// </summary>
internal sealed class AuditRecorder(TimeProvider time, UserTypesMetrics metrics, IAuditActorAccessor? actors = null)
{
    /// <summary>Who is behind a trusted host call that changes a workspace, as the host says; nobody when it says nothing.</summary>
    public string? TrustedActorIn(string workspaceId) => actors?.ActorUserIdIn(workspaceId);

    public AuditEntry Entry(string workspaceId, string action, string? actorUserId, string? subjectUserId, string summary) => new()
    {
        WorkspaceId = workspaceId,
        At = time.GetUtcNow(),
        ActorUserId = actorUserId,
        Action = action,
        SubjectUserId = subjectUserId,
        Summary = summary,
    };

    public AuditEntry Created(UserAccount account, string? actorUserId) => Entry(
        account.WorkspaceId,
        AuditActions.UserCreated,
        actorUserId,
        account.Id,
        string.Create(CultureInfo.InvariantCulture, $"Account {account.Id} created: {Type(account.UserType)}, {(account.UserTypeSource == UserTypeSource.Classified ? "classified by its address" : "assigned")}")
            + (account.PersonId is { } person ? $", for person {Name(person)}" : string.Empty)
            + (account.Rights.IsEmpty ? "." : $", granted {Rights(account.Rights)}."));

    /// <summary>What changed from one state of an account to the next, one entry per kind of change.</summary>
    /// <param name="before">The account as it was.</param>
    /// <param name="after">The account as the write leaves it.</param>
    /// <param name="actorUserId">Who made the change.</param>
    /// <param name="passwordAction">How a new password came: <see cref="AuditActions.PasswordChanged"/> or <see cref="AuditActions.PasswordReset"/>.</param>
    /// <returns>The entries, none when nothing an audit records changed.</returns>
    public IReadOnlyList<AuditEntry> Changed(StoredUser before, StoredUser after, string? actorUserId, string passwordAction = AuditActions.PasswordChanged)
    {
        var (old, now) = (before.Account, after.Account);
        var id = now.Id;
        var entries = new List<AuditEntry>();
        void Add(string action, string summary) => entries.Add(Entry(now.WorkspaceId, action, actorUserId, id, summary));

        if (old.UserType != now.UserType)
        {
            Add(AuditActions.UserTypeChanged, TypeChangedSummary(id, old.UserType, now.UserType));
        }

        if (old.Enabled != now.Enabled)
        {
            Add(now.Enabled ? AuditActions.UserEnabled : AuditActions.UserDisabled, $"Account {id} {(now.Enabled ? "enabled" : "disabled")}.");
        }

        if (!RightsAlgebra.Except(now.Rights, old.Rights).IsEmpty)
        {
            Add(AuditActions.RightsGranted, $"Account {id} granted {Rights(RightsAlgebra.Except(now.Rights, old.Rights))}.");
        }

        if (!RightsAlgebra.Except(old.Rights, now.Rights).IsEmpty)
        {
            Add(AuditActions.RightsRevoked, $"Account {id} lost {Rights(RightsAlgebra.Except(old.Rights, now.Rights))}.");
        }

        if (before.PasswordHash != after.PasswordHash)
        {
            Add(passwordAction, passwordAction == AuditActions.PasswordReset
                ? $"Password of account {id} reset through a mailed link; its address is confirmed."
                : $"Password of account {id} changed.");
        }

        if (old.Email != now.Email)
        {
            Add(AuditActions.EmailChanged, $"E-mail address of account {id} changed{(now.Email is null ? " to none" : ", the new one confirmed")}.");
        }

        if (old.UserName != now.UserName)
        {
            Add(AuditActions.UserNameChanged, $"User name of account {id} changed.");
        }

        if (entries.Count == 0 && old.SecurityStamp != now.SecurityStamp)
        {
            Add(AuditActions.SessionsRevoked, $"Every session of account {id} ended.");
        }

        return entries;
    }

    /// <summary>Counts entries whose write committed, per action (the <c>usertypes.audit.entries</c> counter).</summary>
    public void Written(IReadOnlyList<AuditEntry> entries)
    {
        foreach (var entry in entries)
        {
            metrics.AuditEntryWritten(entry.Action);
        }
    }

    public void Written(AuditEntry? entry)
    {
        if (entry is not null)
        {
            metrics.AuditEntryWritten(entry.Action);
        }
    }

    public void Written(string action, int count)
    {
        if (count > 0)
        {
            metrics.AuditEntryWritten(action, count);
        }
    }

    /// <summary>The summary of a type change, shared with reclassification passes in the stores.</summary>
    public static string TypeChangedSummary(string userId, UserType from, UserType to) =>
        $"User type of account {userId} changed from {Type(from)} to {Type(to)}.";

    public static string Type(UserType type) => UserTypesClaimTypes.ValueOf(type);

    /// <summary>
    /// A name the host chose (a right, an entity, a contact person's id), bounded and with anything that could break or
    /// disguise the summary's one line escaped, as a log line does.
    /// </summary>
    public static string Name(string name) => LogText.Of(name)!;

    public static string Rights(RightsGrant rights)
    {
        var parts = new List<string>();
        if (rights.FunctionalRights.Count > 0)
        {
            parts.Add("functional rights " + string.Join(", ", rights.FunctionalRights.Order(StringComparer.Ordinal).Select(Name)));
        }

        var data = rights.DataRights.Where(pair => pair.Value != DataRights.None).OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        if (data.Count > 0)
        {
            parts.Add("data rights " + string.Join("; ", data.Select(pair => $"{Name(pair.Key)} {pair.Value}")));
        }

        return string.Join(" and ", parts);
    }
}
