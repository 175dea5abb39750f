using System.Data.Common;

namespace UserTypes;

/// <summary>How a <see cref="LoginAttemptRecord"/> maps to the columns of <c>usertypes_login_attempts</c>.</summary>
internal static class LoginAttemptRow
{
    /// <summary>Every column but the key, in the order <see cref="Read"/> expects.</summary>
    public const string Columns = "epoch, issued, counted_from, lockout_end, locked_by, next_lockout, expires_at";

    /// <summary>The parameters of <see cref="Columns"/>, named as the columns prefixed with <c>@</c>.</summary>
    public const string Values = "@epoch, @issued, @counted_from, @lockout_end, @locked_by, @next_lockout, @expires_at";

    /// <summary>The parameters of a record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>Name and value pairs.</returns>
    public static (string, object?)[] Parameters(LoginAttemptRecord record) =>
    [
        ("epoch", record.Epoch),
        ("issued", record.Issued),
        ("counted_from", record.CountedFrom),
        ("lockout_end", record.LockoutEnd?.UtcTicks),
        ("locked_by", record.LockedBy),
        ("next_lockout", record.NextLockout?.Ticks),
        ("expires_at", record.ExpiresAt.UtcTicks),
    ];

    /// <summary>Reads a record selected with <see cref="Columns"/> from <paramref name="first"/> on.</summary>
    /// <param name="reader">The reader on a row.</param>
    /// <param name="first">The ordinal of <c>epoch</c>.</param>
    /// <returns>The record.</returns>
    public static LoginAttemptRecord Read(DbDataReader reader, int first = 0) => new(
        reader.GetInt64(first),
        reader.GetInt64(first + 1),
        reader.GetInt64(first + 2),
        Instant(reader.Nullable<long>(first + 3)),
        reader.Nullable<long>(first + 4),
        reader.Nullable<long>(first + 5) is { } ticks ? TimeSpan.FromTicks(ticks) : null,
        new DateTimeOffset(reader.GetInt64(first + 6), TimeSpan.Zero));

    /// <summary>Reads the record of an outer join, which is all nulls when the account has none.</summary>
    /// <param name="reader">The reader on a row.</param>
    /// <param name="first">The ordinal of <c>epoch</c>.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    public static LoginAttemptRecord? ReadOptional(DbDataReader reader, int first) => reader.IsDBNull(first) ? null : Read(reader, first);

    /// <summary>An instant kept as UTC ticks.</summary>
    /// <param name="ticks">The ticks, or <see langword="null"/>.</param>
    /// <returns>The instant, or <see langword="null"/>.</returns>
    public static DateTimeOffset? Instant(long? ticks) => ticks is { } value ? new DateTimeOffset(value, TimeSpan.Zero) : null;
}
