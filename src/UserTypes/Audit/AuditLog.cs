using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>
/// The default <see cref="IAuditLog"/>: checks the query, reads the store a page at a time (keyset paging on the
/// sequence, with one more entry than asked to learn whether a next page exists), and purges in batches.
/// </summary>
internal sealed class AuditLog(IAuditStore store, WorkspaceLookupCache workspaces, IOptions<UserTypesOptions> options, TimeProvider time) : IAuditLog
{
    private static readonly FrozenSet<string> Actions = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToFrozenSet(StringComparer.Ordinal);

    public async Task<AuditPage> ReadAsync(string workspaceId, AuditQuery query, CancellationToken cancellationToken = default)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));
        ArgumentNullException.ThrowIfNull(query);
        ThrowIfInvalid(query);
        await workspaces.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);

        // The scope a token is bound to: every filter, separated by a character no id or action may hold.
        var scope = string.Join(
            '\u0001',
            workspaceId,
            "audit",
            query.SubjectUserId,
            query.Action,
            query.From?.UtcTicks.ToString(CultureInfo.InvariantCulture),
            query.To?.UtcTicks.ToString(CultureInfo.InvariantCulture),
            query.Descending ? "desc" : "asc",
            query.PageSize.ToString(CultureInfo.InvariantCulture));
        var after = ContinuationToken.ReadNumbered(query.ContinuationToken, scope)?.Number;
        var found = await store.ReadAuditAsync(
            workspaceId,
            new AuditFilter
            {
                SubjectUserId = query.SubjectUserId,
                Action = query.Action,
                From = query.From,
                To = query.To,
                Descending = query.Descending,
                After = after,
                Limit = query.PageSize + 1,
            },
            cancellationToken).ConfigureAwait(false);
        var page = found.Take(query.PageSize).ToList();
        var next = found.Count > query.PageSize
            ? ContinuationToken.Create(scope, page[^1].Sequence, string.Empty)
            : null;
        return new AuditPage(page, next);
    }

    public async Task<long> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var audit = options.Value.Audit;
        if (audit.Retention is not { } retention)
        {
            return 0;
        }

        var before = time.GetUtcNow() - retention;
        long removed = 0;
        int batch;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch = await store.PurgeAuditAsync(before, audit.PurgeBatchSize, cancellationToken).ConfigureAwait(false);
            removed += batch;
        }
        while (batch == audit.PurgeBatchSize);

        return removed;
    }

    private static void ThrowIfInvalid(AuditQuery query)
    {
        var error = query switch
        {
            { PageSize: < 1 or > 1000 } => $"PageSize must be between 1 and 1000 (was {query.PageSize}).",
            { From: { } from, To: { } to } when from > to => "From must not be after To.",
            { Action: { } action } when !Actions.Contains(action) => "Action must be one of AuditActions.",
            { SubjectUserId: { } subject } when !Identifier.IsValid(subject) => $"SubjectUserId must be an account id (1 to {Identifier.MaxLength} characters, no control characters).",
            _ => null,
        };
        if (error is not null)
        {
            throw new ArgumentException($"'query' is not valid: {error}", nameof(query));
        }
    }
}
