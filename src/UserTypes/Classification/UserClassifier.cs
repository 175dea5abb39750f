using System.Runtime.CompilerServices;

namespace UserTypes;

/// <summary>
/// The default <see cref="IUserClassifier"/>. A cached workspace is classified synchronously without allocating;
/// only the first call for a workspace reads the store.
/// </summary>
internal sealed class UserClassifier(WorkspaceLookupCache cache, UserTypesMetrics metrics) : IUserClassifier
{
    public ValueTask<UserClassification> ClassifyAsync(string workspaceId, string email, CancellationToken cancellationToken = default)
    {
        // Only a valid id is ever cached, so the full id check waits for a cache miss.
        ArgumentNullException.ThrowIfNull(workspaceId);
        ArgumentNullException.ThrowIfNull(email);
        if (cache.TryGetCached(workspaceId, out var lookup))
        {
            var answer = Classify(lookup, email);
            metrics.Classified(answer.Classification);
            return answer.Completed;
        }

        return ClassifyUncachedAsync(workspaceId, email, cancellationToken);
    }

    /// <summary>Classifies an address against a compiled workspace, throwing for a malformed address.</summary>
    /// <param name="lookup">The compiled workspace.</param>
    /// <param name="email">The address as given.</param>
    /// <returns>The compiled workspace's answer.</returns>
    internal static ClassificationAnswer Classify(WorkspaceLookup lookup, ReadOnlySpan<char> email)
    {
        Span<char> buffer = stackalloc char[PlainAddress.BufferLength];
        return PlainAddress.TryLowerDomain(email, buffer, out var domain)
            ? lookup.Classify(domain)
            : ClassifyParsed(lookup, email);
    }

    // Kept out of line so the common case carries none of the full parser's frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ClassificationAnswer ClassifyParsed(WorkspaceLookup lookup, ReadOnlySpan<char> email) =>
        lookup.Classify(EmailAddress.Parse(email.ToString(), nameof(email)).Domain);

    private async ValueTask<UserClassification> ClassifyUncachedAsync(string workspaceId, string email, CancellationToken cancellationToken)
    {
        Identifier.ThrowIfInvalid(workspaceId, nameof(workspaceId));

        // A bad address is the caller's mistake whether or not the workspace exists: say so before any I/O.
        var address = EmailAddress.Parse(email, nameof(email));
        var lookup = await cache.GetAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var result = lookup.Classify(address.Domain).Classification;
        metrics.Classified(result);
        return result;
    }
}
