using Microsoft.Data.Sqlite;
using UserTypes;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses SQLite for the UserTypes stores.</summary>
public static class SqliteUserTypesBuilderExtensions
{
    /// <summary>
    /// Keeps workspaces and accounts in a SQLite database: one file, for a host on one machine (several processes
    /// on that machine may share it). The schema is created and migrated on first use; the file runs in WAL mode.
    /// Changes made by another process reach this one's caches within about a quarter of a second.
    /// </summary>
    /// <param name="builder">The builder from <see cref="UserTypesServiceCollectionExtensions.AddUserTypes(IServiceCollection, Action{UserTypesOptions}?)"/>.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, such as <c>Data Source=usertypes.db</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty or not a valid connection string.</exception>
    public static UserTypesBuilder AddSqliteStores(this UserTypesBuilder builder, string connectionString)
    {
        return RelationalStoreRegistration.AddRelationalStores(builder, connectionString, "SQLite", cs => _ = new SqliteConnectionStringBuilder(cs), (cs, time) => new SqliteDialect(cs, time));
    }
}
