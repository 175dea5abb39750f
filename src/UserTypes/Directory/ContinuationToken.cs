using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace UserTypes;

/// <summary>
/// The opaque token of a listing's next page: the position after the last account of a page (keyset paging) and a
/// fingerprint of the workspace and filters it belongs to, so a token used with other filters is refused rather than
/// silently continuing a different listing.
/// </summary>
internal static class ContinuationToken
{
    private const string Refused = "'query' has a continuation token that is malformed or belongs to another workspace or other filters.";

    /// <summary>Makes the token of the page after <paramref name="last"/>.</summary>
    /// <param name="scope">The workspace and filters, as one string.</param>
    /// <param name="last">The last account of the page.</param>
    /// <returns>The token.</returns>
    public static string Create(string scope, (string NormalizedUserName, string Id) last) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Position(Fingerprint(scope), last.NormalizedUserName, last.Id)));

    /// <summary>Reads a token made for <paramref name="scope"/>.</summary>
    /// <param name="token">The token, or <see langword="null"/> for the first page.</param>
    /// <param name="scope">The workspace and filters, as one string.</param>
    /// <returns>The position to continue after, or <see langword="null"/> for the first page.</returns>
    /// <exception cref="ArgumentException">The token is malformed or was made for another scope (ParamName <c>query</c>).</exception>
    public static (string NormalizedUserName, string Id)? Read(string? token, string scope)
    {
        if (token is null)
        {
            return null;
        }

        Position? position;
        try
        {
            position = token.Length <= 2048 ? JsonSerializer.Deserialize<Position>(Base64Url.DecodeFromChars(token)) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new ArgumentException(Refused, "query", e);
        }

        if (position is not { Scope: { } fingerprint, Name: { } name, Id: { } id } || fingerprint != Fingerprint(scope))
        {
            throw new ArgumentException(Refused, "query");
        }

        return (name, id);
    }

    /// <summary>Makes the token of the page after a numbered position (a sequence, or an instant's ticks) and an id.</summary>
    /// <param name="scope">The workspace and filters, as one string.</param>
    /// <param name="number">The last item's number.</param>
    /// <param name="id">The last item's id, or empty when the number alone is the position.</param>
    /// <returns>The token.</returns>
    public static string Create(string scope, long number, string id) => Create(scope, (number.ToString(CultureInfo.InvariantCulture), id));

    /// <summary>Reads a token made by <see cref="Create(string, long, string)"/> for <paramref name="scope"/>.</summary>
    /// <param name="token">The token, or <see langword="null"/> for the first page.</param>
    /// <param name="scope">The workspace and filters, as one string.</param>
    /// <returns>The position to continue after, or <see langword="null"/> for the first page.</returns>
    /// <exception cref="ArgumentException">The token is malformed or was made for another scope (ParamName <c>query</c>).</exception>
    public static (long Number, string Id)? ReadNumbered(string? token, string scope) =>
        Read(token, scope) is not { } position
            ? null
            : long.TryParse(position.NormalizedUserName, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? (number, position.Id)
                : throw new ArgumentException(Refused, "query");

    /// <summary>Makes the token of the page after an item known by its instant (creation time) and id.</summary>
    /// <param name="scope">The workspace and filters, as one string.</param>
    /// <param name="instant">The last item's instant.</param>
    /// <param name="id">The last item's id.</param>
    /// <returns>The token.</returns>
    public static string Create(string scope, DateTimeOffset instant, string id) => Create(scope, instant.UtcTicks, id);

    /// <summary>Reads a token made by <see cref="Create(string, DateTimeOffset, string)"/> for <paramref name="scope"/>.</summary>
    /// <param name="token">The token, or <see langword="null"/> for the first page.</param>
    /// <param name="scope">The workspace and filters, as one string.</param>
    /// <returns>The position to continue after, or <see langword="null"/> for the first page.</returns>
    /// <exception cref="ArgumentException">
    /// The token is malformed, was made for another scope, or names no instant there is (ParamName <c>query</c>): the
    /// scope's fingerprint proves no secret, so a caller can forge a token with any number in it.
    /// </exception>
    public static (DateTimeOffset Instant, string Id)? ReadInstant(string? token, string scope) =>
        ReadNumbered(token, scope) is not { } position
            ? null
            : position.Number <= DateTimeOffset.MaxValue.UtcTicks
                ? (new DateTimeOffset(position.Number, TimeSpan.Zero), position.Id)
                : throw new ArgumentException(Refused, "query");

    private static string Fingerprint(string scope) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(scope))[..12]);

    private sealed record Position(string? Scope, string? Name, string? Id);
}
