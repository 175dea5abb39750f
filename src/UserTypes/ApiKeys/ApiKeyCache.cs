using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace UserTypes;

/// <summary>
/// The keys calls were made with, by id, so that a call whose key and account did not change costs a dictionary lookup
/// and one SHA-256, and allocates nothing. An entry is served only while <see cref="AccountGenerations.IsCurrent"/>
/// says its account and workspace did not change (revoking a key is a change of its account) and until its
/// <see cref="ApiKeyEntry.ValidUntil"/>. Memory stays bounded: entries are dropped wholesale after
/// <see cref="MaxEntries"/> writes.
/// </summary>
internal sealed class ApiKeyCache
{
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, ApiKeyEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ApiKeyEntry>.AlternateLookup<ReadOnlySpan<char>> _byId;
    private readonly AccountGenerations _generations;

    // Writes since the entries were last dropped (CacheBound).
    private int _writes;

    public ApiKeyCache(StoreChangeSignal changes, AccountGenerations generations)
    {
        _generations = generations;
        _byId = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        changes.Subscribe(change =>
        {
            if (change.WorkspaceId is null)
            {
                _entries.Clear();
            }
        });
    }

    /// <summary>The current generation of an account; read it before reading the key and the account.</summary>
    public long GenerationOf(string workspaceId, string userId) => _generations.Of(workspaceId, userId);

    public bool TryGet(ReadOnlySpan<char> keyId, DateTimeOffset now, [MaybeNullWhen(false)] out ApiKeyEntry entry) =>
        _byId.TryGetValue(keyId, out entry)
        && now < entry.ValidUntil
        && _generations.IsCurrent(entry.WorkspaceId, entry.UserId, entry.Generation, entry.WorkspaceVersion);

    public void Set(string keyId, ApiKeyEntry entry)
    {
        CacheBound.Set(_entries, ref _writes, MaxEntries, keyId, entry);
    }
}
