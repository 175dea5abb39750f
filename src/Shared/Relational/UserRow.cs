using System.Data.Common;
using System.Text.Json;

namespace UserTypes;

/// <summary>
/// How an account maps to the columns of <c>usertypes_users</c>, in one place for every statement. Accounts are read
/// from the view <c>usertypes_accounts</c>, which adds the account's own login-attempt record.
/// </summary>
internal static class UserRow
{
    /// <summary>Every column of the table.</summary>
    public const string Columns =
        "id, workspace_id, user_name, normalized_user_name, email, email_confirmed, user_type, user_type_source, person_id, enabled, " +
        "rights, created_at, version, password_hash, security_stamp, administrator";

    /// <summary>What an account is read from: the table and its login-attempt record.</summary>
    public const string Source = "usertypes_accounts";

    /// <summary>Every column of <see cref="Source"/>, in the order <see cref="Reader"/> expects.</summary>
    public const string ReadColumns = Columns + ", " + LoginAttemptRow.Columns;

    /// <summary>The parameters of every column, named as in <see cref="Columns"/> prefixed with <c>@</c>.</summary>
    public const string Values =
        "@id, @workspace_id, @user_name, @normalized_user_name, @email, @email_confirmed, @user_type, @user_type_source, @person_id, @enabled, " +
        "@rights, @created_at, @version, @password_hash, @security_stamp, @administrator";

    /// <summary>Every column but the key, as <c>column = @column</c>.</summary>
    public const string Assignments =
        "user_name = @user_name, normalized_user_name = @normalized_user_name, email = @email, email_confirmed = @email_confirmed, " +
        "user_type = @user_type, user_type_source = @user_type_source, person_id = @person_id, enabled = @enabled, rights = @rights, " +
        "created_at = @created_at, version = @version, password_hash = @password_hash, security_stamp = @security_stamp, administrator = @administrator";

    /// <summary>The parameters of every column.</summary>
    /// <param name="user">The account.</param>
    /// <returns>Name and value pairs.</returns>
    public static (string, object?)[] Parameters(StoredUser user)
    {
        var account = user.Account;
        return
        [
            ("id", account.Id),
            ("workspace_id", account.WorkspaceId),
            ("user_name", account.UserName),
            ("normalized_user_name", user.NormalizedUserName),
            ("email", account.Email),
            ("email_confirmed", account.EmailConfirmed),
            ("user_type", (int)account.UserType),
            ("user_type_source", (int)account.UserTypeSource),
            ("person_id", account.PersonId),
            ("enabled", account.Enabled),
            ("rights", WriteRights(account.Rights)),
            ("created_at", account.CreatedAt.UtcTicks),
            ("version", account.Version),
            ("password_hash", user.PasswordHash),
            ("security_stamp", account.SecurityStamp),
            ("administrator", user.IsAdministrator),
        ];
    }

    /// <summary>Reads accounts selected with <see cref="ReadColumns"/>, their login attempts as of <paramref name="now"/>.</summary>
    /// <param name="now">The store's time.</param>
    /// <returns>What reads the account of the current row.</returns>
    public static Func<DbDataReader, StoredUser> Reader(DateTimeOffset now) => reader => Read(reader, now);

    private static StoredUser Read(DbDataReader reader, DateTimeOffset now) => new()
    {
        Account = LoginAttemptRecord.Show(
            new UserAccount
            {
                Id = reader.GetString(0),
                WorkspaceId = reader.GetString(1),
                UserName = reader.GetString(2),
                Email = reader.NullableString(4),
                EmailConfirmed = reader.GetBoolean(5),
                UserType = (UserType)reader.GetInt32(6),
                UserTypeSource = (UserTypeSource)reader.GetInt32(7),
                PersonId = reader.NullableString(8),
                Enabled = reader.GetBoolean(9),
                Rights = ReadRights(reader.GetString(10)),
                CreatedAt = new DateTimeOffset(reader.GetInt64(11), TimeSpan.Zero),
                Version = reader.GetInt64(12),
                SecurityStamp = reader.GetString(14),
            },
            LoginAttemptRow.ReadOptional(reader, 16),
            now),
        PasswordHash = reader.GetString(13),
        IsAdministrator = reader.GetBoolean(15),
    };

    /// <summary>A grant as the JSON kept in the <c>rights</c> column.</summary>
    /// <param name="grant">The grant.</param>
    /// <returns>The JSON.</returns>
    public static string WriteRights(RightsGrant grant) => JsonSerializer.Serialize(new StoredRights(
        [.. grant.FunctionalRights.Order(StringComparer.Ordinal)],
        grant.DataRights.ToDictionary(entry => entry.Key, entry => (int)entry.Value)));

    private static RightsGrant ReadRights(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredRights>(json) ?? throw new InvalidDataException("The rights column holds no JSON object.");
        return new RightsGrant
        {
            FunctionalRights = stored.Functional.ToHashSet(StringComparer.OrdinalIgnoreCase),
            DataRights = stored.Data.ToDictionary(entry => entry.Key, entry => (DataRights)entry.Value, StringComparer.OrdinalIgnoreCase),
        };
    }

    private sealed record StoredRights(string[] Functional, Dictionary<string, int> Data);
}
