using System.Collections.Concurrent;

namespace UserTypes;

/// <summary>
/// The one bound on the per-process caches' memory: after a cache's limit of writes its entries are dropped wholesale
/// (they are only ever read again from the store), however many accounts or keys come and go. Writes are counted,
/// because <see cref="ConcurrentDictionary{TKey, TValue}.Count"/> takes every lock.
/// </summary>
internal static class CacheBound
{
    /// <summary>Writes an entry, first dropping every entry when <paramref name="max"/> writes were made since the last drop.</summary>
    /// <typeparam name="TKey">The key.</typeparam>
    /// <typeparam name="TValue">The entry.</typeparam>
    /// <param name="entries">The cache.</param>
    /// <param name="writes">The cache's count of writes since its last drop.</param>
    /// <param name="max">The most writes between drops.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The entry.</param>
    public static void Set<TKey, TValue>(ConcurrentDictionary<TKey, TValue> entries, ref int writes, int max, TKey key, TValue value)
        where TKey : notnull
    {
        if (Interlocked.Increment(ref writes) > max)
        {
            writes = 0;
            entries.Clear();
        }

        entries[key] = value;
    }
}
